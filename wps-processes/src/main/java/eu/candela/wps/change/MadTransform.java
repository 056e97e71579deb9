package eu.candela.wps.change;

/**
 * The MAD transform of one IR-MAD fit: for a pixel with before-values x and after-values y,
 * {@code MAD_i = a_i.(x - mx) - b_i.(y - my)}, and the change statistic
 * {@code Z = sum_i ((MAD_i - c_i) / sigma_i)^2}, chi-square distributed with p degrees of freedom
 * where nothing changed, given the centre {@code c_i} and scale {@code sigma_i} of each MAD variate
 * over unchanged pixels. Immutable.
 */
final class MadTransform {

    private final double[] meanBefore;
    private final double[] meanAfter;
    private final double[][] a;
    private final double[][] b;
    private final double[] rho;
    private final double[] centre;
    private final double[] sigma;

    /**
     * @param a      canonical vectors of the first scene, one row per variate
     * @param b      canonical vectors of the second scene, paired with {@code a}
     * @param rho    canonical correlations, ascending
     * @param centre centre of each MAD variate over unchanged pixels (0 for the weighted CCA itself)
     * @param sigma  standard deviation of each MAD variate over unchanged pixels
     */
    MadTransform(double[] meanBefore, double[] meanAfter, double[][] a, double[][] b, double[] rho,
                 double[] centre, double[] sigma) {
        this.meanBefore = meanBefore.clone();
        this.meanAfter = meanAfter.clone();
        this.a = deepCopy(a);
        this.b = deepCopy(b);
        this.rho = rho.clone();
        this.centre = centre.clone();
        this.sigma = sigma.clone();
    }

    /** The same variates with another centre and scale. */
    MadTransform withScale(double[] newCentre, double[] newSigma) {
        return new MadTransform(meanBefore, meanAfter, a, b, rho, newCentre, newSigma);
    }

    int bandCount() { return rho.length; }

    /** Canonical correlations, smallest first (MAD_1 carries the most change). */
    double[] canonicalCorrelations() { return rho.clone(); }

    /** Standard deviations of the MAD variates over no-change pixels. */
    double[] madStandardDeviations() { return sigma.clone(); }

    /** The MAD variates of one pixel, into {@code mad}. */
    void mad(double[] x, double[] y, double[] mad) {
        int p = rho.length;
        for (int i = 0; i < p; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            double m = 0;
            for (int k = 0; k < p; k++) {
                m += ai[k] * (x[k] - meanBefore[k]) - bi[k] * (y[k] - meanAfter[k]);
            }
            mad[i] = m;
        }
    }

    /** The chi-square change statistic Z of one pixel. */
    double chiSquare(double[] x, double[] y) {
        int p = rho.length;
        double z = 0;
        for (int i = 0; i < p; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            double m = 0;
            for (int k = 0; k < p; k++) {
                m += ai[k] * (x[k] - meanBefore[k]) - bi[k] * (y[k] - meanAfter[k]);
            }
            double standardised = (m - centre[i]) / sigma[i];
            z += standardised * standardised;
        }
        return z;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }
}
