package eu.candela.wps.change;

/**
 * The MAD transform of one IR-MAD fit: for a pixel with before-values x and after-values y,
 * {@code MAD_i = a_i.(x - mx) - b_i.(y - my)}, with variance {@code 2(1 - rho_i)} over no-change
 * pixels, and the change statistic {@code Z = sum_i (MAD_i / sigma_i)^2}, chi-square distributed
 * with p degrees of freedom where nothing changed. Immutable.
 */
final class MadTransform {

    private final double[] meanBefore;
    private final double[] meanAfter;
    /** Rows are the canonical vectors a_i, b_i pre-divided by sigma_i, so Z is a plain sum of squares. */
    private final double[][] scaledA;
    private final double[][] scaledB;
    private final double[] rho;
    private final double[] sigma;

    MadTransform(double[] meanBefore, double[] meanAfter, double[][] a, double[][] b, double[] rho) {
        int p = rho.length;
        this.meanBefore = meanBefore.clone();
        this.meanAfter = meanAfter.clone();
        this.rho = rho.clone();
        this.sigma = new double[p];
        this.scaledA = new double[p][p];
        this.scaledB = new double[p][p];
        for (int i = 0; i < p; i++) {
            // Perfectly correlated variates would divide by zero; no real pair of scenes has them.
            sigma[i] = Math.sqrt(Math.max(2 * (1 - rho[i]), 1e-12));
            for (int k = 0; k < p; k++) {
                scaledA[i][k] = a[i][k] / sigma[i];
                scaledB[i][k] = b[i][k] / sigma[i];
            }
        }
    }

    int bandCount() { return rho.length; }

    /** Canonical correlations, smallest first (MAD_1 carries the most change). */
    double[] canonicalCorrelations() { return rho.clone(); }

    /** Standard deviations of the MAD variates over no-change pixels. */
    double[] madStandardDeviations() { return sigma.clone(); }

    /** The chi-square change statistic Z of one pixel. */
    double chiSquare(double[] x, double[] y) {
        int p = rho.length;
        double z = 0;
        for (int i = 0; i < p; i++) {
            double[] ai = scaledA[i];
            double[] bi = scaledB[i];
            double mad = 0;
            for (int k = 0; k < p; k++) {
                mad += ai[k] * (x[k] - meanBefore[k]) - bi[k] * (y[k] - meanAfter[k]);
            }
            z += mad * mad;
        }
        return z;
    }
}
