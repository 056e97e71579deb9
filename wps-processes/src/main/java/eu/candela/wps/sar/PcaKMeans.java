package eu.candela.wps.sar;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * PCA-k-means of T. Celik ("Unsupervised change detection in satellite images using principal
 * component analysis and k-means clustering", IEEE GRSL 6(4):772-776, 2009) on the magnitude of
 * the change index: the h x h neighbourhood of each pixel is a vector; principal components are
 * learnt from a sample of them (non-overlapping once the sample stride reaches h, as in the
 * paper); the vectors are projected on the leading components holding {@link #VARIANCE_KEPT} of
 * the variance, and k-means with k = 2 splits them. The cluster whose members have the larger
 * mean magnitude is change.
 *
 * <p>Change probability: d(no change) / (d(no change) + d(change)), the distances to the two
 * centres in the projected space: 0.5 on the decision boundary, towards 1 deep in the change
 * cluster. Direction: the sign of the mean signed index over the same window.
 */
final class PcaKMeans implements ChangeModel {

    static final double VARIANCE_KEPT = 0.95;

    private final int side;
    private final double[] mean;
    private final double[][] components; // [S][side * side]
    private final double[] changeCentre;
    private final double[] unchangedCentre;
    private final Map<String, Object> description;

    private PcaKMeans(int side, double[] mean, double[][] components, double[] changeCentre, double[] unchangedCentre,
                      Map<String, Object> description) {
        this.side = side;
        this.mean = mean;
        this.components = components;
        this.changeCentre = changeCentre;
        this.unchangedCentre = unchangedCentre;
        this.description = description;
    }

    static Builder builder(int side, int imageWidth, int imageHeight, int cap) {
        FeatureSample sample = new FeatureSample(side * side, imageWidth, imageHeight, cap);
        return new Builder() {
            @Override
            public int halo() {
                return side / 2;
            }

            @Override
            public void add(HaloBlock block, float[] index) {
                float[] magnitude = Neighbourhood.magnitude(index);
                for (int r = 0; r < block.core().height(); r++) {
                    for (int c = 0; c < block.core().width(); c++) {
                        int i = block.indexOfCore(c, r);
                        if (Float.isNaN(index[i]) || !sample.sampled(block.core().x() + c, block.core().y() + r)) {
                            continue;
                        }
                        int at = sample.append(); // before values(): appending may grow the array
                        Neighbourhood.vector(magnitude, block.width(), block.height(), i % block.width(), i / block.width(),
                                side, sample.values(), at);
                    }
                }
            }

            @Override
            public ChangeModel build() {
                return fit(side, sample);
            }
        };
    }

    static PcaKMeans fit(int side, FeatureSample sample) {
        int d = side * side;
        int n = sample.count();
        if (n < 2 * d) {
            throw new IllegalStateException("only " + n + " valid pixels sampled; PCA-k-means needs at least " + 2 * d);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) mean[k] += sample.get(i, k);
        }
        for (int k = 0; k < d; k++) mean[k] /= n;
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) centred[k] = sample.get(i, k) - mean[k];
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) covariance[a][b] += centred[a] * centred[b];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= n - 1;
                covariance[b][a] = covariance[a][b];
            }
        }
        RealMatrix c = MatrixUtils.createRealMatrix(covariance);
        EigenDecomposition eigen = new EigenDecomposition(c);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[d];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double total = Arrays.stream(values).map(v -> Math.max(0, v)).sum();
        int kept = 0;
        double explained = 0;
        while (kept < d && (kept == 0 || explained < VARIANCE_KEPT * total)) {
            explained += Math.max(0, values[order[kept]]);
            kept++;
        }
        double[][] components = new double[kept][];
        for (int s = 0; s < kept; s++) {
            components[s] = eigen.getEigenvector(order[s]).toArray();
        }
        double[] projected = new double[n * kept];
        float[] centreMagnitude = new float[n];
        double[] vector = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) vector[k] = sample.get(i, k);
            project(vector, mean, components, projected, i * kept);
            centreMagnitude[i] = (float) vector[d / 2];
        }
        KMeans.Result result = KMeans.twoMeans(projected, n, kept, startingCentres(projected, centreMagnitude, n, kept));
        // Which cluster is change: the one whose members have the larger mean magnitude.
        double[] magnitudeSum = new double[2];
        long[] size = new long[2];
        for (int i = 0; i < n; i++) {
            int k = KMeans.distance2(projected, i * kept, result.centres()[0]) <= KMeans.distance2(projected, i * kept, result.centres()[1]) ? 0 : 1;
            magnitudeSum[k] += centreMagnitude[i];
            size[k]++;
        }
        int change = magnitudeSum[1] / Math.max(1, size[1]) > magnitudeSum[0] / Math.max(1, size[0]) ? 1 : 0;
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("classifier", "PCA_KMEANS");
        description.put("blockSize", side);
        description.put("components", kept);
        description.put("varianceExplained", explained / total);
        description.put("kmeansIterations", result.iterations());
        description.put("samplePixels", n);
        description.put("sampleStride", sample.stride);
        description.put("sampleChangeFraction", (double) size[change] / n);
        return new PcaKMeans(side, mean, components, result.centres()[change], result.centres()[1 - change], description);
    }

    /** Start k-means from the mean of the lower half and the mean of the top 5 % of magnitudes: deterministic. */
    private static double[][] startingCentres(double[] projected, float[] magnitude, int n, int dimension) {
        float[] sorted = Arrays.copyOf(magnitude, n);
        Arrays.sort(sorted);
        float median = sorted[n / 2];
        float top = sorted[Math.min(n - 1, (int) (0.95 * n))];
        double[][] centres = new double[2][dimension];
        long[] sizes = new long[2];
        for (int i = 0; i < n; i++) {
            int k = magnitude[i] <= median ? 0 : magnitude[i] >= top ? 1 : -1;
            if (k < 0) continue;
            sizes[k]++;
            for (int s = 0; s < dimension; s++) centres[k][s] += projected[i * dimension + s];
        }
        for (int k = 0; k < 2; k++) {
            for (int s = 0; s < dimension; s++) centres[k][s] /= Math.max(1, sizes[k]);
        }
        return centres;
    }

    private static void project(double[] vector, double[] mean, double[][] components, double[] out, int offset) {
        for (int s = 0; s < components.length; s++) {
            double v = 0;
            for (int k = 0; k < vector.length; k++) v += (vector[k] - mean[k]) * components[s][k];
            out[offset + s] = v;
        }
    }

    @Override
    public int halo() {
        return side / 2;
    }

    @Override
    public void classify(HaloBlock block, float[] index, byte[] classes, float[] probability) {
        float[] magnitude = Neighbourhood.magnitude(index);
        float[] signedMean = BoxMean.of(index, block.width(), block.height(), side / 2);
        int d = side * side;
        float[] window = new float[d];
        double[] vector = new double[d];
        double[] projected = new double[components.length];
        int w = block.core().width();
        for (int r = 0; r < block.core().height(); r++) {
            for (int c = 0; c < w; c++) {
                int i = block.indexOfCore(c, r);
                if (Float.isNaN(index[i])) {
                    continue;
                }
                Neighbourhood.vector(magnitude, block.width(), block.height(), i % block.width(), i / block.width(), side, window, 0);
                for (int k = 0; k < d; k++) vector[k] = window[k];
                project(vector, mean, components, projected, 0);
                double toChange = Math.sqrt(KMeans.distance2(projected, 0, changeCentre));
                double toUnchanged = Math.sqrt(KMeans.distance2(projected, 0, unchangedCentre));
                double p = toChange + toUnchanged == 0 ? 0.5 : toUnchanged / (toChange + toUnchanged);
                probability[r * w + c] = (float) p;
                classes[r * w + c] = (byte) (toChange < toUnchanged
                        ? (signedMean[i] >= 0 ? ChangeMap.INCREASE : ChangeMap.DECREASE) : ChangeMap.NO_CHANGE);
            }
        }
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }
}
