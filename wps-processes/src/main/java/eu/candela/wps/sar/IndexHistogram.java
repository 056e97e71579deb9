package eu.candela.wps.sar;

/**
 * Histogram of a change index gathered in one pass over the image, in constant memory: fine bins
 * over a range symmetric about zero that doubles (merging bins in pairs) whenever a value falls
 * outside it, so no range has to be known in advance and the resolution is always the range the
 * values reach over {@link #FINE_BINS}. The thresholds are searched on a {@link #coarse} copy that
 * spans only the populated range.
 */
final class IndexHistogram {

    static final int FINE_BINS = 16384;

    private double lowest;
    private double binWidth;
    private long[] counts = new long[FINE_BINS];
    private long total;

    /** @param halfRange the starting range is [-halfRange, halfRange) */
    IndexHistogram(double halfRange) {
        if (!(halfRange > 0) || Double.isInfinite(halfRange)) {
            throw new IllegalArgumentException("histogram half range must be positive and finite, got " + halfRange);
        }
        this.lowest = -halfRange;
        this.binWidth = 2 * halfRange / FINE_BINS;
    }

    void add(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return;
        }
        while (value < lowest || value >= -lowest) {
            doubleRange();
        }
        int bin = (int) Math.floor((value - lowest) / binWidth);
        counts[Math.max(0, Math.min(FINE_BINS - 1, bin))]++;
        total++;
    }

    /** [-R, R) becomes [-2R, 2R): old bins 2k and 2k + 1 become new bin FINE_BINS / 4 + k. */
    private void doubleRange() {
        long[] wider = new long[FINE_BINS];
        for (int k = 0; k < FINE_BINS / 2; k++) {
            wider[FINE_BINS / 4 + k] = counts[2 * k] + counts[2 * k + 1];
        }
        counts = wider;
        lowest *= 2;
        binWidth *= 2;
    }

    long total() { return total; }

    /** The value below which a fraction {@code q} of the values lie, to the resolution of a fine bin. */
    double quantile(double q) {
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < FINE_BINS; b++) {
            seen += counts[b];
            if (seen >= Math.max(1, target)) {
                return lowest + (b + 1) * binWidth;
            }
        }
        return lowest + FINE_BINS * binWidth;
    }

    /**
     * {@code bins} equal bins between the quantiles {@code tail} and {@code 1 - tail}: a handful of
     * outliers neither stretches the range nor, piled into an end bin, forms a spike that a
     * threshold search would take for a class. The values beyond are left out of the fit only; the
     * thresholds still classify them.
     */
    Coarse coarse(int bins, double tail) {
        double from = quantile(tail) - binWidth;
        double to = quantile(1 - tail);
        if (!(to > from)) {
            to = from + binWidth;
        }
        double width = (to - from) / bins;
        double[] coarse = new double[bins];
        for (int b = 0; b < FINE_BINS; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double centre = lowest + (b + 0.5) * binWidth;
            int c = (int) Math.floor((centre - from) / width);
            if (c >= 0 && c < bins) {
                coarse[c] += counts[b];
            }
        }
        return new Coarse(from, width, coarse);
    }

    /** Equal bins from {@code from}, {@code width} wide. */
    record Coarse(double from, double width, double[] counts) {

        int bins() { return counts.length; }

        double centre(int bin) { return from + (bin + 0.5) * width; }

        /** Lower edge of {@code bin}; {@code edge(bins())} is the upper edge of the last. */
        double edge(int bin) { return from + bin * width; }
    }
}
