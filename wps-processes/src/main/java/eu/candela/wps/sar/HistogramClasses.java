package eu.candela.wps.sar;

/**
 * Prefix sums over a coarse histogram, so the count, mean and variance of any run of bins
 * [from, to) cost O(1): what every threshold search evaluates many times.
 */
final class HistogramClasses {

    final IndexHistogram.Coarse histogram;
    private final double[] n;
    private final double[] sx;
    private final double[] sxx;
    /** Variance of the quantisation to one bin, added to every class so no class collapses to zero spread. */
    final double quantisationVariance;

    HistogramClasses(IndexHistogram.Coarse histogram) {
        this.histogram = histogram;
        int bins = histogram.bins();
        n = new double[bins + 1];
        sx = new double[bins + 1];
        sxx = new double[bins + 1];
        for (int b = 0; b < bins; b++) {
            double h = histogram.counts()[b];
            double x = histogram.centre(b);
            n[b + 1] = n[b] + h;
            sx[b + 1] = sx[b] + h * x;
            sxx[b + 1] = sxx[b] + h * x * x;
        }
        quantisationVariance = histogram.width() * histogram.width() / 12;
    }

    int bins() { return histogram.bins(); }

    double total() { return n[bins()]; }

    double count(int from, int to) { return n[to] - n[from]; }

    double mean(int from, int to) { return (sx[to] - sx[from]) / count(from, to); }

    /** Variance of the class plus the quantisation variance. */
    double variance(int from, int to) {
        double c = count(from, to);
        double m = mean(from, to);
        return Math.max(0, (sxx[to] - sxx[from]) / c - m * m) + quantisationVariance;
    }

    double counts(int bin) { return histogram.counts()[bin]; }

    double centre(int bin) { return histogram.centre(bin); }
}
