package eu.candela.wps.sar;

/** One class of a fitted histogram model: its prior probability and its density of index values. */
interface ClassDensity {

    double prior();

    double logDensity(double x);

    /** A Gaussian class. */
    record Gaussian(double prior, double mean, double sd) implements ClassDensity {
        @Override
        public double logDensity(double x) {
            double z = (x - mean) / sd;
            return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
        }
    }

    /**
     * A generalized Gaussian class, p(x) = beta / (2 alpha Gamma(1/beta)) exp(-(|x - mean| / alpha)^beta):
     * beta 2 is the Gaussian, 1 the Laplacian; smaller beta, heavier tails.
     */
    record GeneralizedGaussian(double prior, double mean, double alpha, double beta) implements ClassDensity {
        @Override
        public double logDensity(double x) {
            return Math.log(beta / (2 * alpha)) - org.apache.commons.math3.special.Gamma.logGamma(1 / beta)
                    - Math.pow(Math.abs(x - mean) / alpha, beta);
        }
    }
}
