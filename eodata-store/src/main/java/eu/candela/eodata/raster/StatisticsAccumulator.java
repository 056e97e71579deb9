package eu.candela.eodata.raster;

/**
 * Running min, max, mean and variance of one band (Welford's online algorithm), so
 * statistics cost no second pass over the data.
 */
final class StatisticsAccumulator {
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Adds one value, which the caller already found valid (not nodata, not NaN). */
    void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    BandStatistics result() {
        if (count == 0) {
            return new BandStatistics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new BandStatistics(min, max, mean, Math.sqrt(m2 / count), count);
    }
}
