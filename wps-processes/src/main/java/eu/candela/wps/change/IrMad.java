package eu.candela.wps.change;

import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.ProcessContext;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Iteratively reweighted MAD (Nielsen 2007) on a pixel sample: weighted canonical correlation
 * analysis of the two scenes, MAD variates and their chi-square statistic Z, then each pixel
 * reweighted by its probability of no change, {@code P(chi2_p > Z)}, until the canonical
 * correlations settle. Reweighting makes the transform be learnt from unchanged pixels, so it
 * becomes insensitive to the changes it is meant to find.
 *
 * <p>One departure from the paper: the scale of each MAD variate is a robust estimate (centre the
 * median, spread 1.4826 times the median absolute deviation) over the sample, not the weighted
 * variance {@code 2(1 - rho)}. Unchanged pixels have uniformly distributed no-change probabilities,
 * so weighting by them favours pixels near the centre and biases the variance low (for four bands
 * the weighted mean of Z is 2.5 instead of 4); fed back through the weights, the bias compounds
 * until a large share of unchanged pixels is declared changed. The robust scale is unbiased for
 * the unchanged majority and ignores the changed minority, which is what the weights were for.
 */
final class IrMad {

    /** Largest change of any canonical correlation between iterations that counts as settled. */
    static final double TOLERANCE = 1e-6;

    /** No-change probability at or below which a pixel is left out of the scale estimate. */
    static final double OUTLIER_WEIGHT = 1e-4;

    /** The fitted transform, how many iterations ran, and whether they settled. */
    record Fit(MadTransform transform, int iterations, boolean converged) {
    }

    private IrMad() {
    }

    static Fit fit(PixelSample sample, int maxIterations, ProcessContext ctx, int fromPercent, int toPercent) {
        int n = sample.count;
        int p = sample.bands;
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        double[] previous = null;
        MadTransform transform = null;
        double[] x = new double[p];
        double[] y = new double[p];
        double[][] mads = new double[p][n];
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            ctx.checkCancelled();
            transform = robustScale(canonicalCorrelation(sample, weights), sample, weights, mads);
            double[] rho = transform.canonicalCorrelations();
            ctx.log().debug("IR-MAD iteration {}: canonical correlations {}", iteration, Arrays.toString(rho));
            if (previous != null && maxDifference(previous, rho) < TOLERANCE) {
                return new Fit(transform, iteration, true);
            }
            previous = rho;
            for (int i = 0; i < n; i++) {
                unpack(sample, i, x, y);
                weights[i] = ChiSquare.survival(p, transform.chiSquare(x, y));
            }
            ctx.progress(fromPercent + (toPercent - fromPercent) * iteration / maxIterations, "IR-MAD iteration " + iteration);
        }
        return new Fit(transform, maxIterations, false);
    }

    /**
     * The transform with each MAD variate's centre and scale estimated robustly over the sample
     * pixels that the previous iteration did not find clearly changed (no-change probability above
     * {@link #OUTLIER_WEIGHT}). Leaving those out keeps a large changed share from widening the
     * scale, and cuts so far into the tail of unchanged pixels that it does not narrow it.
     */
    static MadTransform robustScale(MadTransform transform, PixelSample sample, double[] weights, double[][] mads) {
        int p = sample.bands;
        double[] x = new double[p];
        double[] y = new double[p];
        double[] mad = new double[p];
        int n = 0;
        for (int i = 0; i < sample.count; i++) {
            if (weights[i] <= OUTLIER_WEIGHT) {
                continue;
            }
            unpack(sample, i, x, y);
            transform.mad(x, y, mad);
            for (int k = 0; k < p; k++) {
                mads[k][n] = mad[k];
            }
            n++;
        }
        if (n == 0) {
            throw new InvalidInputException("after", "differs from 'before' everywhere; no unchanged pixels are left to compare");
        }
        double[] centre = new double[p];
        double[] sigma = new double[p];
        Median median = new Median();
        for (int k = 0; k < p; k++) {
            centre[k] = median.evaluate(mads[k], 0, n);
            for (int i = 0; i < n; i++) {
                mads[k][i] = Math.abs(mads[k][i] - centre[k]);
            }
            // 1.4826 makes the median absolute deviation a consistent estimate of a normal sigma.
            sigma[k] = Math.max(1.4826 * median.evaluate(mads[k], 0, n), 1e-9);
        }
        return transform.withScale(centre, sigma);
    }

    /** Weighted CCA of before (first p) against after (last p), scaled as the paper does: sigma^2 = 2(1 - rho). */
    static MadTransform canonicalCorrelation(PixelSample sample, double[] weights) {
        int p = sample.bands;
        int q = 2 * p;
        double[] mean = new double[q];
        double weightSum = 0;
        for (int i = 0; i < sample.count; i++) {
            double w = weights[i];
            weightSum += w;
            int base = i * q;
            for (int k = 0; k < q; k++) {
                mean[k] += w * sample.values[base + k];
            }
        }
        if (!(weightSum > 0)) {
            throw new InvalidInputException("after", "differs from 'before' everywhere; no unchanged pixels are left to compare");
        }
        for (int k = 0; k < q; k++) {
            mean[k] /= weightSum;
        }
        double[][] cov = new double[q][q];
        double[] d = new double[q];
        for (int i = 0; i < sample.count; i++) {
            double w = weights[i];
            int base = i * q;
            for (int k = 0; k < q; k++) {
                d[k] = sample.values[base + k] - mean[k];
            }
            for (int r = 0; r < q; r++) {
                double wd = w * d[r];
                double[] row = cov[r];
                for (int c = r; c < q; c++) {
                    row[c] += wd * d[c];
                }
            }
        }
        for (int r = 0; r < q; r++) {
            for (int c = r; c < q; c++) {
                cov[r][c] /= weightSum;
                cov[c][r] = cov[r][c];
            }
        }
        RealMatrix s = new Array2DRowRealMatrix(cov, false);
        RealMatrix sxx = ridge(s.getSubMatrix(0, p - 1, 0, p - 1));
        RealMatrix syy = ridge(s.getSubMatrix(p, q - 1, p, q - 1));
        RealMatrix sxy = s.getSubMatrix(0, p - 1, p, q - 1);
        return solve(sxx, syy, sxy, Arrays.copyOfRange(mean, 0, p), Arrays.copyOfRange(mean, p, q));
    }

    /**
     * Solves {@code Sxy Syy^-1 Syx a = rho^2 Sxx a} by whitening with the Cholesky factor of Sxx,
     * then {@code b = Syy^-1 Syx a / rho}, which pairs each b with its a and makes
     * {@code a'Sxx a = b'Syy b = 1} and {@code a'Sxy b = rho > 0}.
     */
    private static MadTransform solve(RealMatrix sxx, RealMatrix syy, RealMatrix sxy, double[] meanX, double[] meanY) {
        int p = meanX.length;
        RealMatrix lInverse;
        RealMatrix syyInverse;
        try {
            lInverse = MatrixUtils.inverse(new CholeskyDecomposition(sxx).getL());
            syyInverse = new CholeskyDecomposition(syy).getSolver().getInverse();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.SingularMatrixException e) {
            throw new InvalidInputException("bands", "the selected bands are constant or linearly dependent; choose other bands");
        }
        RealMatrix syx = sxy.transpose();
        RealMatrix m = lInverse.multiply(sxy).multiply(syyInverse).multiply(syx).multiply(lInverse.transpose());
        m = m.add(m.transpose()).scalarMultiply(0.5);
        EigenDecomposition eigen = new EigenDecomposition(m);
        double[] eigenvalues = eigen.getRealEigenvalues();
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(eigenvalues[i], eigenvalues[j]));
        double[][] a = new double[p][];
        double[][] b = new double[p][];
        double[] rho = new double[p];
        RealMatrix bFromA = syyInverse.multiply(syx);
        for (int i = 0; i < p; i++) {
            RealVector u = eigen.getEigenvector(order[i]);
            RealVector ai = lInverse.transpose().operate(u);
            rho[i] = Math.sqrt(Math.min(Math.max(eigenvalues[order[i]], 1e-12), 1 - 1e-12));
            a[i] = ai.toArray();
            b[i] = bFromA.operate(ai).mapDivide(rho[i]).toArray();
        }
        double[] sigma = new double[p];
        for (int i = 0; i < p; i++) {
            sigma[i] = Math.sqrt(2 * (1 - rho[i]));
        }
        return new MadTransform(meanX, meanY, a, b, rho, new double[p], sigma);
    }

    /** Adds a relative 1e-10 of the mean variance to the diagonal so constant-free bands always factorise. */
    private static RealMatrix ridge(RealMatrix m) {
        double epsilon = 1e-10 * m.getTrace() / m.getRowDimension();
        RealMatrix r = m.copy();
        for (int i = 0; i < r.getRowDimension(); i++) {
            r.addToEntry(i, i, epsilon);
        }
        return r;
    }

    static void unpack(PixelSample sample, int i, double[] x, double[] y) {
        int p = sample.bands;
        int base = i * 2 * p;
        for (int k = 0; k < p; k++) {
            x[k] = sample.values[base + k];
            y[k] = sample.values[base + p + k];
        }
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
