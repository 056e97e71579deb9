package eu.candela.wps.sar;

/** The h x h neighbourhood of a pixel as a vector, row by row. */
final class Neighbourhood {

    private Neighbourhood() {
    }

    /**
     * Writes the {@code side} x {@code side} window centred on ({@code col}, {@code row}) of
     * {@code values} into {@code out} from {@code offset}. Neighbours outside the array or without
     * data take the centre's value: a replicated edge, so a pixel next to no data is not pulled
     * towards zero.
     */
    static void vector(float[] values, int width, int height, int col, int row, int side, float[] out, int offset) {
        int r = side / 2;
        float centre = values[row * width + col];
        int k = offset;
        for (int dr = -r; dr < side - r; dr++) {
            int rr = row + dr;
            for (int dc = -r; dc < side - r; dc++) {
                int cc = col + dc;
                float v = rr < 0 || rr >= height || cc < 0 || cc >= width ? Float.NaN : values[rr * width + cc];
                out[k++] = Float.isNaN(v) ? centre : v;
            }
        }
    }

    static float[] magnitude(float[] index) {
        float[] m = new float[index.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.abs(index[i]);
        }
        return m;
    }
}
