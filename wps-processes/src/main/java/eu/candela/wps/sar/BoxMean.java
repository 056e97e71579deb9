package eu.candela.wps.sar;

/**
 * Mean over a square window of side {@code 2 radius + 1}, ignoring NaN, by two running-sum passes
 * (rows, then columns): the cost per pixel does not depend on the window. At the array's edges the
 * window is truncated. NaN where the window holds no valid value.
 */
final class BoxMean {

    private BoxMean() {
    }

    static float[] of(float[] values, int width, int height, int radius) {
        double[] rowSums = new double[values.length];
        int[] rowCounts = new int[values.length];
        for (int r = 0; r < height; r++) {
            int base = r * width;
            double sum = 0;
            int count = 0;
            // Running window [c - radius, c + radius] along the row.
            for (int c = 0; c < Math.min(radius, width); c++) {
                float v = values[base + c];
                if (!Float.isNaN(v)) { sum += v; count++; }
            }
            for (int c = 0; c < width; c++) {
                int enter = c + radius;
                if (enter < width) {
                    float v = values[base + enter];
                    if (!Float.isNaN(v)) { sum += v; count++; }
                }
                int leave = c - radius - 1;
                if (leave >= 0) {
                    float v = values[base + leave];
                    if (!Float.isNaN(v)) { sum -= v; count--; }
                }
                rowSums[base + c] = sum;
                rowCounts[base + c] = count;
            }
        }
        float[] mean = new float[values.length];
        double[] sums = new double[width];
        int[] counts = new int[width];
        for (int r = 0; r < Math.min(radius, height); r++) {
            for (int c = 0; c < width; c++) {
                sums[c] += rowSums[r * width + c];
                counts[c] += rowCounts[r * width + c];
            }
        }
        for (int r = 0; r < height; r++) {
            int enter = r + radius;
            int leave = r - radius - 1;
            for (int c = 0; c < width; c++) {
                if (enter < height) {
                    sums[c] += rowSums[enter * width + c];
                    counts[c] += rowCounts[enter * width + c];
                }
                if (leave >= 0) {
                    sums[c] -= rowSums[leave * width + c];
                    counts[c] -= rowCounts[leave * width + c];
                }
                mean[r * width + c] = counts[c] == 0 ? Float.NaN : (float) (sums[c] / counts[c]);
            }
        }
        return mean;
    }
}
