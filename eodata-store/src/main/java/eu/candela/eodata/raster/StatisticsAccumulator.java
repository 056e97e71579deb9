package eu.candela.eodata.raster;

/**
 * Running min, max, mean and variance of one band, fed one block at a time: each block is summarised
 * in two passes (mean, then squared deviations) and merged with Chan's formula, which stays accurate
 * over billions of samples without a second pass over the raster. Used by {@link CogWriter} as it
 * writes, and by anyone summarising a raster block by block.
 */
public final class StatisticsAccumulator {
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Adds the first {@code length} values, skipping NaN and {@code nodata} (pass NaN for "no nodata"). */
    public void add(float[] values, int length, float nodata) {
        long n = 0;
        double sum = 0;
        float blockMin = Float.POSITIVE_INFINITY;
        float blockMax = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            float v = values[i];
            if (v == v && v != nodata) {
                n++;
                sum += v;
                blockMin = Math.min(blockMin, v);
                blockMax = Math.max(blockMax, v);
            }
        }
        if (n == 0) {
            return;
        }
        double blockMean = sum / n;
        double blockM2 = 0;
        for (int i = 0; i < length; i++) {
            float v = values[i];
            if (v == v && v != nodata) {
                double d = v - blockMean;
                blockM2 += d * d;
            }
        }
        long total = count + n;
        double delta = blockMean - mean;
        mean += delta * n / total;
        m2 += blockM2 + delta * delta * ((double) count * n / total);
        count = total;
        min = Math.min(min, blockMin);
        max = Math.max(max, blockMax);
    }

    public BandStatistics result() {
        if (count == 0) {
            return new BandStatistics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new BandStatistics(min, max, mean, Math.sqrt(m2 / count), count);
    }
}
