package eu.candela.wps.sar.preprocessing;

/**
 * The Lee and Gamma-MAP filters, both from the mean and variance of a square window, taken from
 * summed-area tables so the cost per pixel does not grow with the window.
 */
final class LocalStatisticsFilters {
    private LocalStatisticsFilters() {
    }

    /** Windowed sums of value, value squared and count of valid (non-NaN) pixels. */
    static final class WindowSums {
        private final int width;
        private final int height;
        private final double[] sum;
        private final double[] sumSquares;
        private final int[] count;

        WindowSums(float[] in, int width, int height) {
            this.width = width;
            this.height = height;
            int stride = width + 1;
            sum = new double[stride * (height + 1)];
            sumSquares = new double[stride * (height + 1)];
            count = new int[stride * (height + 1)];
            for (int r = 0; r < height; r++) {
                double rowSum = 0;
                double rowSquares = 0;
                int rowCount = 0;
                for (int c = 0; c < width; c++) {
                    float v = in[r * width + c];
                    if (!Float.isNaN(v)) {
                        rowSum += v;
                        rowSquares += (double) v * v;
                        rowCount++;
                    }
                    int i = (r + 1) * stride + c + 1;
                    sum[i] = sum[i - stride] + rowSum;
                    sumSquares[i] = sumSquares[i - stride] + rowSquares;
                    count[i] = count[i - stride] + rowCount;
                }
            }
        }

        /** {mean, variance, count} of the valid pixels of rows r0..r1, columns c0..c1 (inclusive, clipped to the image). */
        double[] stats(int r0, int c0, int r1, int c1, double[] out) {
            r0 = Math.max(0, r0);
            c0 = Math.max(0, c0);
            r1 = Math.min(height - 1, r1);
            c1 = Math.min(width - 1, c1);
            int stride = width + 1;
            int a = r0 * stride + c0;
            int b = r0 * stride + c1 + 1;
            int c = (r1 + 1) * stride + c0;
            int d = (r1 + 1) * stride + c1 + 1;
            int n = count[d] - count[b] - count[c] + count[a];
            if (n == 0) {
                out[0] = Double.NaN;
                out[1] = Double.NaN;
                out[2] = 0;
                return out;
            }
            double s = sum[d] - sum[b] - sum[c] + sum[a];
            double q = sumSquares[d] - sumSquares[b] - sumSquares[c] + sumSquares[a];
            double mean = s / n;
            out[0] = mean;
            out[1] = Math.max(0, q / n - mean * mean);
            out[2] = n;
            return out;
        }
    }

    /** The filtered value of one valid pixel from its window's mean and variance. */
    @FunctionalInterface
    private interface WindowRule {
        double apply(double value, double mean, double variance);
    }

    /** Applies {@code rule} to every valid pixel with its window statistics; no data stays no data. */
    private static void filter(float[] in, int width, int height, int window, float[] out, WindowRule rule) {
        WindowSums sums = new WindowSums(in, width, height);
        int h = window / 2;
        double[] s = new double[3];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                float v = in[i];
                if (Float.isNaN(v)) {
                    out[i] = Float.NaN;
                    continue;
                }
                sums.stats(r - h, c - h, r + h, c + h, s);
                out[i] = (float) rule.apply(v, s[0], s[1]);
            }
        }
    }

    static void lee(float[] in, int width, int height, int window, double enl, float[] out) {
        double cu2 = 1 / enl;
        filter(in, width, height, window, out, (v, mean, variance) -> leeValue(v, mean, variance, cu2));
    }

    /** Lee's estimate: mean + b (value - mean), b = var(x) / var(y) with var(x) = (var(y) - mean^2 Cu^2) / (1 + Cu^2). */
    static double leeValue(double value, double mean, double variance, double cu2) {
        if (variance <= 0) {
            return mean;
        }
        double signalVariance = (variance - mean * mean * cu2) / (1 + cu2);
        double b = Math.max(0, Math.min(1, signalVariance / variance));
        return mean + b * (value - mean);
    }

    static void gammaMap(float[] in, int width, int height, int window, double enl, float[] out) {
        double cu = 1 / Math.sqrt(enl);
        double cmax = Math.sqrt(2) * cu;
        filter(in, width, height, window, out, (v, mean, variance) -> {
            double ci = mean > 0 ? Math.sqrt(variance) / mean : 0;
            if (ci <= cu) {
                return mean;                    // homogeneous: the mean
            }
            if (ci >= cmax) {
                return v;                       // point target or strong edge: kept
            }
            double alpha = (1 + cu * cu) / (ci * ci - cu * cu);
            double b = alpha - enl - 1;
            double d = mean * mean * b * b + 4 * alpha * enl * mean * v;
            return (b * mean + Math.sqrt(d)) / (2 * alpha);
        });
    }
}
