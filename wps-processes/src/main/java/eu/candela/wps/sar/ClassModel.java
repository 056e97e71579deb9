package eu.candela.wps.sar;

/**
 * The distribution the minimum error criterion assumes for each class, fitted to a run of bins
 * [from, to) by its moments, and the class's cost: minus the log-likelihood of its pixels,
 * prior included, -sum h(x) ln(P p(x)). The sum of the classes' costs is Kittler and
 * Illingworth's criterion J, up to a constant.
 */
enum ClassModel {
    GAUSSIAN(3) {
        @Override
        double cost(HistogramClasses h, int from, int to) {
            double n = h.count(from, to);
            double variance = h.variance(from, to);
            double spread = n * (variance - h.quantisationVariance); // sum h (x - mean)^2
            return n * (-Math.log(n / h.total()) + 0.5 * Math.log(2 * Math.PI * variance)) + spread / (2 * variance);
        }

        @Override
        ClassDensity density(HistogramClasses h, int from, int to) {
            return new ClassDensity.Gaussian(h.count(from, to) / h.total(), h.mean(from, to), Math.sqrt(h.variance(from, to)));
        }
    },
    GENERALIZED_GAUSSIAN(4) {
        @Override
        double cost(HistogramClasses h, int from, int to) {
            ClassDensity.GeneralizedGaussian g = density(h, from, to);
            double n = h.count(from, to);
            double sum = n * (-Math.log(g.prior()) - Math.log(g.beta() / (2 * g.alpha()))
                    + org.apache.commons.math3.special.Gamma.logGamma(1 / g.beta()));
            for (int b = from; b < to; b++) {
                double c = h.counts(b);
                if (c > 0) {
                    sum += c * Math.pow(Math.abs(h.centre(b) - g.mean()) / g.alpha(), g.beta());
                }
            }
            return sum;
        }

        @Override
        ClassDensity.GeneralizedGaussian density(HistogramClasses h, int from, int to) {
            double n = h.count(from, to);
            double mean = h.mean(from, to);
            double variance = h.variance(from, to);
            double absolute = 0;
            for (int b = from; b < to; b++) {
                absolute += h.counts(b) * Math.abs(h.centre(b) - mean);
            }
            absolute /= n;
            double beta = GeneralizedGaussianShape.fromRatio(absolute * absolute / variance);
            return new ClassDensity.GeneralizedGaussian(n / h.total(), mean, GeneralizedGaussianShape.alpha(variance, beta), beta);
        }
    };

    private final int parameters;

    ClassModel(int parameters) {
        this.parameters = parameters;
    }

    /** Free parameters of one class, its prior included. */
    int parameters() { return parameters; }

    /** Requires a class with pixels: {@code h.count(from, to) > 0}. */
    abstract double cost(HistogramClasses h, int from, int to);

    abstract ClassDensity density(HistogramClasses h, int from, int to);
}
