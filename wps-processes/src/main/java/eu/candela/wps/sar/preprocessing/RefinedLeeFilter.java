package eu.candela.wps.sar.preprocessing;

/**
 * Lee's refined filter (1981). In each window, nine sub-window means (3 x 3 of them) give the
 * gradients in four directions (0, 45, 90, 135 degrees); the strongest one is the edge direction,
 * and the half of the window on the side of the centre pixel (the side whose sub-mean is closer to
 * the centre sub-mean) gives the local mean and variance for the Lee estimate. So edges are not
 * blurred across, while homogeneous areas are smoothed over the whole half window.
 *
 * <p>Sub-windows: for a 7 x 7 window, 3 x 3 sub-windows centred at offsets -2, 0, +2 (as in Lee's
 * paper); for other windows the sub-window side is about a third of the window (at least 3).
 */
final class RefinedLeeFilter {
    private RefinedLeeFilter() {
    }

    static void apply(float[] in, int width, int height, int window, double enl, float[] out) {
        LocalStatisticsFilters.WindowSums sums = new LocalStatisticsFilters.WindowSums(in, width, height);
        int h = window / 2;
        int sub = Math.max(3, (window / 3) | 1);
        int subHalf = sub / 2;
        int step = (window - sub) / 2;
        double cu2 = 1 / enl;
        double[] s = new double[3];
        double[][] m = new double[3][3];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                float v = in[i];
                if (Float.isNaN(v)) {
                    out[i] = Float.NaN;
                    continue;
                }
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        int rr = r + (a - 1) * step;
                        int cc = c + (b - 1) * step;
                        m[a][b] = sums.stats(rr - subHalf, cc - subHalf, rr + subHalf, cc + subHalf, s)[0];
                    }
                }
                int direction = edgeDirection(m);
                out[i] = (float) directionalLee(in, width, height, r, c, h, direction, m, cu2, v);
            }
        }
    }

    /** 0: vertical edge (gradient along columns), 1: 45 degrees, 2: horizontal edge, 3: 135 degrees; -1 when flat. */
    private static int edgeDirection(double[][] m) {
        double[] gradient = {
            Math.abs(m[1][2] - m[1][0]),    // left / right
            Math.abs(m[0][2] - m[2][0]),    // upper right / lower left
            Math.abs(m[2][1] - m[0][1]),    // up / down
            Math.abs(m[2][2] - m[0][0])};   // upper left / lower right
        int best = -1;
        double max = 0;
        for (int d = 0; d < 4; d++) {
            if (gradient[d] > max) {
                max = gradient[d];
                best = d;
            }
        }
        return best;
    }

    /** Lee's estimate from the half window of the centre's side of the edge (the whole window when flat or unknown). */
    private static double directionalLee(float[] in, int width, int height, int r, int c, int h, int direction, double[][] m,
                                         double cu2, float v) {
        double centre = m[1][1];
        int side = 0;
        if (direction >= 0 && !Double.isNaN(centre)) {
            double[] sides = switch (direction) {
                case 0 -> new double[] {m[1][0], m[1][2]};
                case 1 -> new double[] {m[2][0], m[0][2]};
                case 2 -> new double[] {m[0][1], m[2][1]};
                default -> new double[] {m[0][0], m[2][2]};
            };
            double d0 = Math.abs(centre - sides[0]);
            double d1 = Math.abs(centre - sides[1]);
            side = Double.isNaN(d0) ? 1 : Double.isNaN(d1) ? -1 : d0 <= d1 ? -1 : 1;
        }
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int dr = -h; dr <= h; dr++) {
            int rr = r + dr;
            if (rr < 0 || rr >= height) {
                continue;
            }
            for (int dc = -h; dc <= h; dc++) {
                int cc = c + dc;
                if (cc < 0 || cc >= width || !onSide(direction, side, dr, dc)) {
                    continue;
                }
                float x = in[rr * width + cc];
                if (!Float.isNaN(x)) {
                    sum += x;
                    squares += (double) x * x;
                    n++;
                }
            }
        }
        double mean = sum / n;
        double variance = Math.max(0, squares / n - mean * mean);
        return LocalStatisticsFilters.leeValue(v, mean, variance, cu2);
    }

    /**
     * True when offset (dr, dc) lies in the half window of {@code side} (-1 the first side listed in
     * {@link #directionalLee}, +1 the second), the dividing line included.
     */
    private static boolean onSide(int direction, int side, int dr, int dc) {
        if (side == 0) {
            return true;
        }
        return switch (direction) {
            case 0 -> side < 0 ? dc <= 0 : dc >= 0;            // left / right
            case 1 -> side < 0 ? dc - dr <= 0 : dc - dr >= 0;   // lower left / upper right
            case 2 -> side < 0 ? dr <= 0 : dr >= 0;            // up / down
            default -> side < 0 ? dr + dc <= 0 : dr + dc >= 0;  // upper left / lower right
        };
    }
}
