package eu.candela.wps.sar;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thresholds on the index itself, chosen from its one-pass histogram. */
final class ThresholdModel implements ChangeModel {

    /** Bins of the histogram the thresholds are searched on. */
    static final int SEARCH_BINS = 256;
    /** Fraction of pixels left out at each end of the searched range (see {@link IndexHistogram#coarse}). */
    static final double TAIL = 1e-5;

    private final ThresholdMethod method;
    private final ThresholdFit fit;

    ThresholdModel(ThresholdMethod method, ThresholdFit fit) {
        this.method = method;
        this.fit = fit;
    }

    static Builder builder(ChangeIndex index, ThresholdMethod method) {
        IndexHistogram histogram = new IndexHistogram(index.histogramHalfRange());
        return new Builder() {
            @Override
            public int halo() {
                return 0;
            }

            @Override
            public void add(HaloBlock block, float[] values) {
                for (int r = 0; r < block.core().height(); r++) {
                    for (int c = 0; c < block.core().width(); c++) {
                        histogram.add(values[block.indexOfCore(c, r)]);
                    }
                }
            }

            @Override
            public ChangeModel build() {
                if (histogram.total() == 0) {
                    throw new IllegalStateException("no valid pixel to build a histogram from");
                }
                IndexHistogram.Coarse coarse = histogram.coarse(SEARCH_BINS, TAIL);
                ThresholdFit fit = switch (method) {
                    case KI_GENERALIZED_GAUSSIAN -> MinimumErrorThresholds.fit(coarse, ClassModel.GENERALIZED_GAUSSIAN);
                    case KI_GAUSSIAN -> MinimumErrorThresholds.fit(coarse, ClassModel.GAUSSIAN);
                    case OTSU -> OtsuThresholds.fit(coarse);
                };
                return new ThresholdModel(method, fit);
            }
        };
    }

    ThresholdFit fit() { return fit; }

    @Override
    public int halo() {
        return 0;
    }

    @Override
    public void classify(HaloBlock block, float[] index, byte[] classes, float[] probability) {
        int w = block.core().width();
        for (int r = 0; r < block.core().height(); r++) {
            for (int c = 0; c < w; c++) {
                float v = index[block.indexOfCore(c, r)];
                classes[r * w + c] = (byte) fit.classify(v);
                probability[r * w + c] = (float) fit.changeProbability(v);
            }
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("thresholdMethod", method.name());
        d.put("decreaseBelow", finite(fit.lower()));
        d.put("increaseFrom", finite(fit.upper()));
        d.put("classes", Map.of("decrease", density(fit.decrease()), "noChange", density(fit.unchanged()),
                "increase", density(fit.increase())));
        return d;
    }

    private static Object finite(double v) {
        return Double.isInfinite(v) ? "none" : v;
    }

    private static Object density(ClassDensity d) {
        if (d == null) {
            return "absent";
        }
        if (d instanceof ClassDensity.GeneralizedGaussian g) {
            return Map.of("prior", g.prior(), "mean", g.mean(), "alpha", g.alpha(), "beta", g.beta());
        }
        ClassDensity.Gaussian g = (ClassDensity.Gaussian) d;
        return Map.of("prior", g.prior(), "mean", g.mean(), "sd", g.sd());
    }
}
