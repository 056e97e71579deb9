package eu.candela.wps.sar;

/**
 * Histogram of a change index gathered in one pass over the image: a fixed range split into fine
 * bins (values beyond fall into the end bins), so memory is constant whatever the image size. The
 * thresholds are searched on a {@link #coarse} copy that spans only the populated range.
 */
final class IndexHistogram {

    static final int FINE_BINS = 16384;

    private final double lowest;
    private final double binWidth;
    private final long[] counts = new long[FINE_BINS];
    private long total;

    IndexHistogram(double lowest, double highest) {
        if (!(highest > lowest)) {
            throw new IllegalArgumentException("histogram range must be increasing, got " + lowest + " .. " + highest);
        }
        this.lowest = lowest;
        this.binWidth = (highest - lowest) / FINE_BINS;
    }

    void add(float value) {
        if (Float.isNaN(value)) {
            return;
        }
        int bin = (int) Math.floor((value - lowest) / binWidth);
        counts[Math.max(0, Math.min(FINE_BINS - 1, bin))]++;
        total++;
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
