package eu.candela.wps.sar;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fuzzy c-means with a spatial term, FCM_S1 of S. Chen and D. Zhang ("Robust image segmentation
 * using FCM with spatial constraints based on new kernel-induced distance measure", IEEE SMC-B
 * 34(4):1907-1916, 2004), with two clusters on the magnitude x of the change index: the distance of
 * a pixel to a centre v is (x - v)^2 + alpha (xbar - v)^2, xbar the mean magnitude over the
 * pixel's window, so an isolated speckle spike is pulled back towards its neighbourhood. Fuzzifier
 * m = 2. Fitted on a sample; the cluster with the larger centre is change.
 *
 * <p>Change probability: the pixel's membership of the change cluster. Direction: the sign of the
 * mean signed index over the window.
 */
final class FuzzyCMeans implements ChangeModel {

    static final double ALPHA = 8.0;
    static final int MAX_ITERATIONS = 300;

    private final int side;
    private final double change;
    private final double unchanged;
    private final Map<String, Object> description;

    private FuzzyCMeans(int side, double change, double unchanged, Map<String, Object> description) {
        this.side = side;
        this.change = change;
        this.unchanged = unchanged;
        this.description = description;
    }

    static Builder builder(int side, int imageWidth, int imageHeight, int cap) {
        FeatureSample sample = new FeatureSample(2, imageWidth, imageHeight, cap);
        return new Builder() {
            @Override
            public int halo() {
                return side / 2;
            }

            @Override
            public void add(HaloBlock block, float[] index) {
                float[] magnitude = Neighbourhood.magnitude(index);
                float[] local = BoxMean.of(magnitude, block.width(), block.height(), side / 2);
                for (int r = 0; r < block.core().height(); r++) {
                    for (int c = 0; c < block.core().width(); c++) {
                        int i = block.indexOfCore(c, r);
                        if (!Float.isNaN(index[i]) && sample.sampled(block.core().x() + c, block.core().y() + r)) {
                            int at = sample.append();
                            sample.values()[at] = magnitude[i];
                            sample.values()[at + 1] = local[i];
                        }
                    }
                }
            }

            @Override
            public ChangeModel build() {
                return fit(side, sample);
            }
        };
    }

    static FuzzyCMeans fit(int side, FeatureSample sample) {
        int n = sample.count();
        if (n < 10) {
            throw new IllegalStateException("only " + n + " valid pixels sampled; fuzzy c-means needs more");
        }
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) sample.get(i, 0);
        float[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] v = {sorted[n / 10], sorted[Math.min(n - 1, (int) (0.99 * n))]};
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            double[] numerator = new double[2];
            double[] denominator = new double[2];
            for (int i = 0; i < n; i++) {
                double xi = sample.get(i, 0);
                double mi = sample.get(i, 1);
                double u0 = membership(xi, mi, v[0], v[1]);
                double[] u = {u0, 1 - u0};
                for (int k = 0; k < 2; k++) {
                    double um = u[k] * u[k];
                    numerator[k] += um * (xi + ALPHA * mi);
                    denominator[k] += um * (1 + ALPHA);
                }
            }
            double shift = 0;
            for (int k = 0; k < 2; k++) {
                double next = numerator[k] / denominator[k];
                shift = Math.max(shift, Math.abs(next - v[k]));
                v[k] = next;
            }
            if (shift <= 1e-6 * Math.max(1e-12, Math.abs(v[1] - v[0]))) {
                break;
            }
        }
        int changeCluster = v[1] > v[0] ? 1 : 0;
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("classifier", "FUZZY_C_MEANS");
        description.put("variant", "FCM_S1 (Chen and Zhang 2004), m = 2, alpha = " + ALPHA);
        description.put("window", side);
        description.put("changeCentre", v[changeCluster]);
        description.put("noChangeCentre", v[1 - changeCluster]);
        description.put("iterations", iteration);
        description.put("samplePixels", n);
        description.put("sampleStride", sample.stride);
        return new FuzzyCMeans(side, v[changeCluster], v[1 - changeCluster], description);
    }

    /** Membership of the cluster at {@code a} against the one at {@code b}, m = 2. */
    private static double membership(double x, double mean, double a, double b) {
        double da = (x - a) * (x - a) + ALPHA * (mean - a) * (mean - a);
        double db = (x - b) * (x - b) + ALPHA * (mean - b) * (mean - b);
        if (da == 0) return 1;
        if (db == 0) return 0;
        return (1 / da) / (1 / da + 1 / db);
    }

    @Override
    public int halo() {
        return side / 2;
    }

    @Override
    public void classify(HaloBlock block, float[] index, byte[] classes, float[] probability) {
        float[] magnitude = Neighbourhood.magnitude(index);
        float[] local = BoxMean.of(magnitude, block.width(), block.height(), side / 2);
        float[] signedMean = BoxMean.of(index, block.width(), block.height(), side / 2);
        int w = block.core().width();
        for (int r = 0; r < block.core().height(); r++) {
            for (int c = 0; c < w; c++) {
                int i = block.indexOfCore(c, r);
                if (Float.isNaN(index[i])) {
                    continue;
                }
                double u = membership(magnitude[i], local[i], change, unchanged);
                probability[r * w + c] = (float) u;
                classes[r * w + c] = (byte) (u > 0.5 ? (signedMean[i] >= 0 ? ChangeMap.INCREASE : ChangeMap.DECREASE) : ChangeMap.NO_CHANGE);
            }
        }
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }
}
