package eu.candela.wps.sar;

/**
 * Kittler and Illingworth's minimum error thresholding ("Minimum error thresholding", Pattern
 * Recognition 19(1):41-47, 1986) with the class model of Bazi, Bruzzone and Melgani ("An
 * unsupervised approach based on the generalized Gaussian model to automatic change detection in
 * multitemporal SAR images", IEEE TGRS 43(4):874-887, 2005), extended to two thresholds.
 *
 * <p>Why two thresholds searched jointly rather than one per side of zero: the no-change pixels
 * form one population that straddles zero, so cutting the histogram at zero would leave each side
 * half a distribution that neither a Gaussian nor a generalized Gaussian fits, and the criterion
 * would then find its "valley" inside the no-change mode. So the histogram is split into three
 * classes, decrease | no change | increase, at (t1, t2) minimising the summed criterion of the
 * three. A change class may also be empty (t1 at the lowest bin, t2 past the highest): a pair
 * with only increases then gets no false decrease class. Because more classes always fit a
 * histogram better, each change class pays the Bayesian information criterion's price for its
 * parameters, (k / 2) ln N: without it the criterion carves a class of a dozen pixels out of the
 * far tail of the no-change mode. The no-change class must hold at least
 * as many pixels as each change class: changes are the minority, which is what makes the method
 * unsupervised.
 */
final class MinimumErrorThresholds {

    /** A change class, when present, spans at least this many bins; narrower ones fit noise spikes. */
    static final int MIN_CHANGE_BINS = 2;
    static final int MIN_UNCHANGED_BINS = 3;

    private MinimumErrorThresholds() {
    }

    static ThresholdFit fit(IndexHistogram.Coarse histogram, ClassModel model) {
        HistogramClasses h = new HistogramClasses(histogram);
        int bins = h.bins();
        // The decrease class is [0, t1), the increase class [t2, bins): each depends on one threshold only.
        double[] decreaseCost = new double[bins + 1];
        double[] increaseCost = new double[bins + 1];
        double classPenalty = model.parameters() / 2.0 * Math.log(h.total());
        for (int t = 0; t <= bins; t++) {
            decreaseCost[t] = h.count(0, t) > 0 ? model.cost(h, 0, t) + classPenalty : 0;
            increaseCost[t] = h.count(t, bins) > 0 ? model.cost(h, t, bins) + classPenalty : 0;
        }
        double best = Double.POSITIVE_INFINITY;
        int bestLower = 0;
        int bestUpper = bins;
        for (int t1 = 0; t1 <= bins - MIN_UNCHANGED_BINS; t1++) {
            if (t1 > 0 && t1 < MIN_CHANGE_BINS) {
                continue;
            }
            for (int t2 = t1 + MIN_UNCHANGED_BINS; t2 <= bins; t2++) {
                if (t2 < bins && bins - t2 < MIN_CHANGE_BINS) {
                    continue;
                }
                double unchanged = h.count(t1, t2);
                if (unchanged <= 0 || unchanged < h.count(0, t1) || unchanged < h.count(t2, bins)) {
                    continue;
                }
                double j = decreaseCost[t1] + model.cost(h, t1, t2) + increaseCost[t2];
                if (j < best) {
                    best = j;
                    bestLower = t1;
                    bestUpper = t2;
                }
            }
        }
        return fitOf(h, bestLower, bestUpper, model, best);
    }

    /** The fit for cuts at bins (t1, t2), each class modelled by {@code model}. */
    static ThresholdFit fitOf(HistogramClasses h, int t1, int t2, ClassModel model, double criterion) {
        int bins = h.bins();
        boolean decrease = h.count(0, t1) > 0;
        boolean increase = h.count(t2, bins) > 0;
        return new ThresholdFit(
                decrease ? h.histogram.edge(t1) : Double.NEGATIVE_INFINITY,
                increase ? h.histogram.edge(t2) : Double.POSITIVE_INFINITY,
                decrease ? model.density(h, 0, t1) : null,
                model.density(h, t1, t2),
                increase ? model.density(h, t2, bins) : null,
                criterion);
    }
}
