package eu.candela.wps.sar;

import org.apache.commons.math3.special.Gamma;

/**
 * The shape beta of a generalized Gaussian from its moments: the ratio (E|x - mean|)^2 / variance
 * equals Gamma(2/beta)^2 / (Gamma(1/beta) Gamma(3/beta)), which rises monotonically with beta (0.5
 * at the Laplacian, 2/pi at the Gaussian, 3/4 for the uniform limit). Inverted on a precomputed
 * table, because the threshold search asks for it tens of thousands of times.
 */
final class GeneralizedGaussianShape {

    static final double MIN_BETA = 0.3;
    static final double MAX_BETA = 10;
    private static final int STEPS = 600;
    private static final double[] BETAS = new double[STEPS];
    private static final double[] RATIOS = new double[STEPS];

    static {
        for (int i = 0; i < STEPS; i++) {
            double beta = MIN_BETA * Math.pow(MAX_BETA / MIN_BETA, i / (STEPS - 1.0));
            BETAS[i] = beta;
            RATIOS[i] = ratio(beta);
        }
    }

    private GeneralizedGaussianShape() {
    }

    static double ratio(double beta) {
        return Math.exp(2 * Gamma.logGamma(2 / beta) - Gamma.logGamma(1 / beta) - Gamma.logGamma(3 / beta));
    }

    /** beta for the moment ratio {@code ratio}, clamped to [MIN_BETA, MAX_BETA]. */
    static double fromRatio(double ratio) {
        if (!(ratio > RATIOS[0])) {
            return MIN_BETA;
        }
        if (ratio >= RATIOS[STEPS - 1]) {
            return MAX_BETA;
        }
        int lo = 0;
        int hi = STEPS - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (RATIOS[mid] <= ratio) lo = mid; else hi = mid;
        }
        double t = (ratio - RATIOS[lo]) / (RATIOS[hi] - RATIOS[lo]);
        return BETAS[lo] + t * (BETAS[hi] - BETAS[lo]);
    }

    /** alpha, the scale, of a generalized Gaussian of shape {@code beta} and variance {@code variance}. */
    static double alpha(double variance, double beta) {
        return Math.sqrt(variance * Math.exp(Gamma.logGamma(1 / beta) - Gamma.logGamma(3 / beta)));
    }
}
