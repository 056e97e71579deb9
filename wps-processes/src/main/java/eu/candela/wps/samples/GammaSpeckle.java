package eu.candela.wps.samples;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * Multiplicative speckle of an L-look intensity image: gamma distributed with shape L and mean 1
 * (variance 1/L). Drawn by inverse transform from a table of {@value #QUANTILES} quantiles with
 * linear interpolation between them, rescaled so the table's mean is exactly 1: a few nanoseconds
 * per draw, which matters at 1.7 billion draws for a full-size pair, and indistinguishable from the
 * exact distribution at the precision the tests measure (the mean, the variance 1/L). Fed by a
 * seeded generator per image line, so lines can be generated in order without state between them.
 * Not thread-safe.
 */
final class GammaSpeckle {
    static final int QUANTILES = 8192;

    private final double looks;
    private final double[] quantiles;
    private final SplittableRandom random;

    /** @param looks the number of looks L, positive; {@code Double.POSITIVE_INFINITY} for no speckle */
    GammaSpeckle(double looks, double[] quantiles, long seed) {
        this.looks = looks;
        this.quantiles = quantiles;
        this.random = new SplittableRandom(seed);
    }

    /** The quantile table of mean-1 gamma speckle of {@code looks} looks: build once, share between lines. */
    static double[] quantiles(double looks) {
        if (Double.isInfinite(looks)) {
            return new double[] {1, 1};
        }
        GammaDistribution gamma = new GammaDistribution(null, looks, 1 / looks);
        double[] q = new double[QUANTILES + 1];
        for (int i = 0; i <= QUANTILES; i++) {
            double p = Math.min(1 - 0.25 / QUANTILES, Math.max(0.25 / QUANTILES, i / (double) QUANTILES));
            q[i] = gamma.inverseCumulativeProbability(p);
        }
        // Mean of the piecewise-linear inverse CDF is the average of the segment means: rescale it to 1.
        double mean = 0;
        for (int i = 0; i < QUANTILES; i++) {
            mean += (q[i] + q[i + 1]) / 2;
        }
        mean /= QUANTILES;
        for (int i = 0; i <= QUANTILES; i++) {
            q[i] /= mean;
        }
        return q;
    }

    /** The next speckle factor, mean 1. */
    double next() {
        if (Double.isInfinite(looks)) {
            return 1;
        }
        double u = random.nextDouble() * (quantiles.length - 1);
        int i = (int) u;
        double t = u - i;
        return quantiles[i] + t * (quantiles[i + 1] - quantiles[i]);
    }
}
