package eu.candela.ows.render;

/**
 * What a style's contrast stretch needs to know of one band: its range and a histogram, computed
 * from the coverage's smallest overview (cheap, and close enough for display).
 *
 * @param min       smallest valid sample (nodata excluded)
 * @param max       largest valid sample
 * @param histogram counts of valid samples in {@link #BINS} equal bins spanning [min, max]
 */
public record BandSummary(double min, double max, long[] histogram) {
    public static final int BINS = 256;

    public BandSummary {
        if (!(min <= max)) {
            throw new IllegalArgumentException("band summary min " + min + " must not exceed max " + max);
        }
        if (histogram == null || histogram.length != BINS) {
            throw new IllegalArgumentException("band summary histogram must have " + BINS + " bins");
        }
        histogram = histogram.clone();
    }

    @Override
    public long[] histogram() {
        return histogram.clone();
    }
}
