package eu.candela.wps.samples;

import java.util.SplittableRandom;

/**
 * Multiplicative speckle of an L-look intensity image: gamma distributed with shape L and mean 1
 * (variance 1/L), drawn with Marsaglia and Tsang's method ("A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000), boosted for L below 1. Fed by a seeded generator per image
 * line, so lines can be generated in order without keeping any state between them. Not thread-safe.
 */
final class GammaSpeckle {
    private final double looks;
    private final double d;
    private final double c;
    private final SplittableRandom random;

    /** @param looks the number of looks L, positive; {@code Double.POSITIVE_INFINITY} for no speckle */
    GammaSpeckle(double looks, long seed) {
        this.looks = looks;
        double shape = looks < 1 ? looks + 1 : looks;
        this.d = shape - 1.0 / 3;
        this.c = 1 / Math.sqrt(9 * d);
        this.random = new SplittableRandom(seed);
    }

    /** The next speckle factor, mean 1. */
    double next() {
        if (Double.isInfinite(looks)) {
            return 1;
        }
        double g = standardGamma();
        if (looks < 1) {
            g *= Math.pow(random.nextDouble(), 1 / looks);
        }
        return g / looks;
    }

    private double standardGamma() {
        while (true) {
            double x;
            double v;
            do {
                x = gaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private double gaussian() {
        // Marsaglia's polar method; the second variate is dropped to keep the stream simple.
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
