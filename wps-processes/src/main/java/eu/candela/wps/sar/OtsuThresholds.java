package eu.candela.wps.sar;

/**
 * Otsu's method ("A threshold selection method from gray-level histograms", IEEE SMC 9(1), 1979)
 * on the magnitude of the index around the no-change centre (the median): one cut t of |x - c|
 * maximising the between-class variance of no change | change, giving the thresholds c - t and
 * c + t.
 *
 * <p>Why not Otsu with two thresholds on the signed index: between-class variance always grows
 * with the number of classes, so a three-class Otsu always makes three classes, and on a pair
 * whose changes all go one way (a flood) it cuts the no-change mode in two. On the magnitude there
 * are two classes whatever the directions. The change probability uses Gaussians fitted to the
 * three resulting classes.
 */
final class OtsuThresholds {

    private OtsuThresholds() {
    }

    static ThresholdFit fit(IndexHistogram.Coarse histogram) {
        HistogramClasses h = new HistogramClasses(histogram);
        int bins = h.bins();
        double centre = median(h);
        // Magnitude histogram on the same bin width: bin k holds |x - c| in [k w, (k + 1) w).
        double[] magnitude = new double[bins];
        for (int b = 0; b < bins; b++) {
            int k = (int) Math.floor(Math.abs(h.centre(b) - centre) / histogram.width());
            magnitude[Math.min(bins - 1, k)] += h.counts(b);
        }
        double total = 0, totalSum = 0;
        for (int k = 0; k < bins; k++) {
            total += magnitude[k];
            totalSum += k * magnitude[k];
        }
        double lowCount = 0, lowSum = 0, best = -1;
        int cut = bins;
        for (int k = 0; k < bins - 1; k++) {
            lowCount += magnitude[k];
            lowSum += k * magnitude[k];
            double highCount = total - lowCount;
            if (lowCount == 0 || highCount == 0) continue;
            double d = lowSum / lowCount - (totalSum - lowSum) / highCount;
            double between = lowCount * highCount * d * d;
            if (between > best) {
                best = between;
                cut = k + 1;
            }
        }
        double t = cut * histogram.width();
        int t1 = clampBin(histogram, centre - t);
        int t2 = clampBin(histogram, centre + t);
        ThresholdFit bins3 = MinimumErrorThresholds.fitOf(h, t1, Math.max(t2, t1 + 1), ClassModel.GAUSSIAN, best / (total * total));
        return new ThresholdFit(bins3.decrease() == null ? Double.NEGATIVE_INFINITY : centre - t,
                bins3.increase() == null ? Double.POSITIVE_INFINITY : centre + t,
                bins3.decrease(), bins3.unchanged(), bins3.increase(), bins3.criterion());
    }

    private static int clampBin(IndexHistogram.Coarse histogram, double value) {
        int bin = (int) Math.round((value - histogram.from()) / histogram.width());
        return Math.max(0, Math.min(histogram.bins(), bin));
    }

    private static double median(HistogramClasses h) {
        double half = h.total() / 2, seen = 0;
        for (int b = 0; b < h.bins(); b++) {
            seen += h.counts(b);
            if (seen >= half) return h.centre(b);
        }
        return h.centre(h.bins() - 1);
    }
}
