package eu.candela.wps.sar;

/**
 * Otsu's method with two thresholds ("A threshold selection method from gray-level histograms",
 * IEEE SMC 9(1), 1979; multilevel form as in Liao, Chen and Chung 2001): the cuts (t1, t2) that
 * maximise the between-class variance of decrease | no change | increase. It assumes all three
 * classes exist. The change probability uses Gaussians fitted to the three classes.
 */
final class OtsuThresholds {

    private OtsuThresholds() {
    }

    static ThresholdFit fit(IndexHistogram.Coarse histogram) {
        HistogramClasses h = new HistogramClasses(histogram);
        int bins = h.bins();
        double best = Double.NEGATIVE_INFINITY;
        int bestLower = 0;
        int bestUpper = bins;
        for (int t1 = 1; t1 < bins - 1; t1++) {
            for (int t2 = t1 + 1; t2 < bins; t2++) {
                // Maximising sum n_k mean_k^2 is maximising the between-class variance: the total mean is fixed.
                double between = term(h, 0, t1) + term(h, t1, t2) + term(h, t2, bins);
                if (between > best) {
                    best = between;
                    bestLower = t1;
                    bestUpper = t2;
                }
            }
        }
        return MinimumErrorThresholds.fitOf(h, bestLower, bestUpper, ClassModel.GAUSSIAN, best / h.total());
    }

    private static double term(HistogramClasses h, int from, int to) {
        double n = h.count(from, to);
        if (n <= 0) {
            return 0;
        }
        double m = h.mean(from, to);
        return n * m * m;
    }
}
