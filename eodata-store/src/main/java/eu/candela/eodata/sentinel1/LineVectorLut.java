package eu.candela.eodata.sentinel1;

import java.util.Arrays;
import java.util.List;

/**
 * A look-up table given as vectors at a few image lines, each with values at a few pixel positions,
 * as Sentinel-1 calibration and range-noise annotations are. Values between the given positions are
 * interpolated bilinearly over (line, pixel); beyond the first or last vector or pixel the edge
 * value holds (annotations often list a last vector past the image, so no extrapolation is needed).
 * Immutable.
 */
public final class LineVectorLut {

    /** One vector: the image line it applies to, and values at increasing pixel positions. */
    public record Vector(int line, int[] pixels, float[] values) {
        public Vector {
            if (pixels.length == 0 || pixels.length != values.length) {
                throw new IllegalArgumentException("a vector needs as many values as pixel positions (at least one), got "
                        + pixels.length + " positions and " + values.length + " values");
            }
            for (int i = 1; i < pixels.length; i++) {
                if (pixels[i] <= pixels[i - 1]) {
                    throw new IllegalArgumentException("pixel positions must increase, got " + pixels[i - 1] + " then " + pixels[i]);
                }
            }
            pixels = pixels.clone();
            values = values.clone();
        }
    }

    private final Vector[] vectors;
    private final int[] lines;

    /** @param vectors at strictly increasing lines, at least one */
    public LineVectorLut(List<Vector> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("a look-up table needs at least one vector");
        }
        this.vectors = vectors.toArray(Vector[]::new);
        this.lines = new int[this.vectors.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = this.vectors[i].line();
            if (i > 0 && lines[i] <= lines[i - 1]) {
                throw new IllegalArgumentException("vector lines must increase, got " + lines[i - 1] + " then " + lines[i]);
            }
        }
    }

    public int vectorCount() {
        return vectors.length;
    }

    public Vector vector(int i) {
        return vectors[i];
    }

    /** The interpolated value at one (line, pixel). */
    public double valueAt(double line, double pixel) {
        int k = lowerIndex(lines, line);
        double a = rowValue(vectors[k], pixel);
        if (k + 1 >= vectors.length || line <= lines[k]) {
            return a;
        }
        double t = (line - lines[k]) / (double) (lines[k + 1] - lines[k]);
        return a + t * (rowValue(vectors[k + 1], pixel) - a);
    }

    /**
     * Writes the interpolated values of the window (x, y, width, height) into {@code out}, row-major.
     * Each vector the window needs is interpolated along pixels once, then lines are blended, so the
     * cost is one multiply-add per pixel.
     */
    public void fill(int x, int y, int width, int height, float[] out) {
        float[] upper = new float[width];
        float[] lower = new float[width];
        int upperIndex = -1;
        int lowerIndex = -1;
        for (int r = 0; r < height; r++) {
            int line = y + r;
            int k = lowerIndex(lines, line);
            int k1 = Math.min(k + 1, vectors.length - 1);
            if (k != upperIndex) {
                if (k == lowerIndex) {
                    float[] swap = upper;
                    upper = lower;
                    lower = swap;
                    lowerIndex = upperIndex;
                } else {
                    interpolateRow(vectors[k], x, upper);
                }
                upperIndex = k;
            }
            if (k1 != lowerIndex) {
                interpolateRow(vectors[k1], x, lower);
                lowerIndex = k1;
            }
            double t = k1 == k || line <= lines[k] ? 0 : Math.min(1, (line - lines[k]) / (double) (lines[k1] - lines[k]));
            int base = r * width;
            for (int c = 0; c < width; c++) {
                out[base + c] = (float) (upper[c] + t * (lower[c] - upper[c]));
            }
        }
    }

    private static void interpolateRow(Vector v, int x, float[] row) {
        int[] px = v.pixels();
        float[] val = v.values();
        int i = 0;
        for (int c = 0; c < row.length; c++) {
            int pixel = x + c;
            while (i + 1 < px.length && px[i + 1] <= pixel) {
                i++;
            }
            if (pixel <= px[0]) {
                row[c] = val[0];
            } else if (i + 1 >= px.length) {
                row[c] = val[px.length - 1];
            } else {
                float t = (pixel - px[i]) / (float) (px[i + 1] - px[i]);
                row[c] = val[i] + t * (val[i + 1] - val[i]);
            }
        }
    }

    private static double rowValue(Vector v, double pixel) {
        int[] px = v.pixels();
        float[] val = v.values();
        if (pixel <= px[0]) {
            return val[0];
        }
        if (pixel >= px[px.length - 1]) {
            return val[px.length - 1];
        }
        int i = lowerIndex(px, pixel);
        double t = (pixel - px[i]) / (px[i + 1] - px[i]);
        return val[i] + t * (val[i + 1] - val[i]);
    }

    /** Index of the last position not above {@code value}, or 0 when all are above. */
    static int lowerIndex(int[] positions, double value) {
        int i = Arrays.binarySearch(positions, (int) Math.floor(value));
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(i, positions.length - 1));
    }
}
