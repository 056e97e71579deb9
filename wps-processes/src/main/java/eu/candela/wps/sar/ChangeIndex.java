package eu.candela.wps.sar;

/**
 * A change index from the two dates' intensities, signed: positive where backscatter rose
 * (increase), negative where it fell (decrease), near zero where nothing changed. Computed on a
 * {@link HaloBlock}; the neighbourhood indices need {@link #halo} pixels around the block.
 */
public enum ChangeIndex {

    /**
     * Log-ratio in dB, 10 log10(I2 / I1), per pixel (for dB inputs: the difference of the dates).
     * The ratio turns multiplicative speckle into an additive, date-symmetric noise (Dekker 1998,
     * Bazi et al. 2005). Range about -50..50 dB.
     */
    LOG_RATIO(8) {
        @Override
        float[] compute(HaloBlock block, int window) {
            float[] b = block.before();
            float[] a = block.after();
            float[] index = new float[b.length];
            for (int i = 0; i < index.length; i++) {
                index[i] = Float.isNaN(b[i]) ? Float.NaN : (float) (10 * Math.log10(a[i] / b[i]));
            }
            return index;
        }
    },

    /**
     * Mean-ratio of Inglada and Mercier (IEEE TGRS 45(5), 2007; after Rignot and van Zyl 1993):
     * 1 - min(m1 / m2, m2 / m1) of the local mean intensities m over a window, signed by which
     * date is brighter. Range -1..1; averaging before the ratio suppresses speckle.
     */
    MEAN_RATIO(1) {
        @Override
        float[] compute(HaloBlock block, int window) {
            int r = window / 2;
            float[] m1 = BoxMean.of(block.before(), block.width(), block.height(), r);
            float[] m2 = BoxMean.of(block.after(), block.width(), block.height(), r);
            float[] index = new float[m1.length];
            for (int i = 0; i < index.length; i++) {
                if (Float.isNaN(block.before()[i])) {
                    index[i] = Float.NaN;
                } else {
                    index[i] = signedRatioIndex(m1[i], m2[i]);
                }
            }
            return index;
        }
    },

    /**
     * Neighbourhood-based ratio after Gong, Cao and Wu (IEEE GRSL 9(2):307-311, 2012): the
     * heterogeneity-weighted mix theta R(pixel) + (1 - theta) R(window), where theta = sigma / mu of
     * the window (both dates pooled, clamped to 0..1): in homogeneous areas the neighbourhood term
     * wins and suppresses speckle, on edges and point targets the pixel's own ratio keeps detail.
     * R is the signed ratio 1 - min / max, positive when the second date is brighter. Gong's
     * neighbourhood term is sum(min) / sum(max) of the pixels; here it is the ratio of the window
     * sums, because the sum of per-pixel minima is below the sum of maxima even where nothing
     * changed (speckle), so once signed, Gong's term would split the no-change mode in two, one on
     * each side of zero, which no threshold can separate from change. Range -1..1. As in the
     * paper it works on amplitudes (the square root of intensity), whose coefficient of variation
     * in speckle is about half that of intensity, so theta lets the neighbourhood term dominate on
     * homogeneous ground.
     */
    NEIGHBOURHOOD_RATIO(1) {
        @Override
        float[] compute(HaloBlock block, int window) {
            int r = window / 2;
            float[] b = amplitude(block.before());
            float[] a = amplitude(block.after());
            int n = b.length;
            float[] pooled = new float[n];
            float[] pooledSquares = new float[n];
            for (int i = 0; i < n; i++) {
                pooled[i] = (b[i] + a[i]) / 2; // NaN stays NaN and is left out of the means
                pooledSquares[i] = (b[i] * b[i] + a[i] * a[i]) / 2;
            }
            float[] mean = BoxMean.of(pooled, block.width(), block.height(), r);
            float[] meanSquare = BoxMean.of(pooledSquares, block.width(), block.height(), r);
            float[] m1 = BoxMean.of(b, block.width(), block.height(), r);
            float[] m2 = BoxMean.of(a, block.width(), block.height(), r);
            float[] index = new float[n];
            for (int i = 0; i < n; i++) {
                if (Float.isNaN(b[i])) {
                    index[i] = Float.NaN;
                    continue;
                }
                double variance = Math.max(0, meanSquare[i] - (double) mean[i] * mean[i]);
                double theta = mean[i] > 0 ? Math.min(1, Math.sqrt(variance) / mean[i]) : 0;
                index[i] = (float) (theta * signedRatioIndex(b[i], a[i]) + (1 - theta) * signedRatioIndex(m1[i], m2[i]));
            }
            return index;
        }
    },

    /**
     * Difference of amplitudes, sqrt(I2) - sqrt(I1), per pixel: the difference image PCA-k-means was
     * published with (Celik 2009). Not a ratio, so a given change weighs more on bright ground than
     * on dark; it is offered because on 8-bit amplitude data clipped to zero (dark water at grey
     * level 0 on both dates) the ratios of dark pixels are pure noise while the difference stays
     * small there (see docs/accuracy.md, San Francisco).
     */
    DIFFERENCE(0.01) {
        @Override
        float[] compute(HaloBlock block, int window) {
            float[] b = amplitude(block.before());
            float[] a = amplitude(block.after());
            float[] index = new float[b.length];
            for (int i = 0; i < index.length; i++) {
                index[i] = a[i] - b[i];
            }
            return index;
        }
    };

    private final double histogramHalfRange;

    ChangeIndex(double histogramHalfRange) {
        this.histogramHalfRange = histogramHalfRange;
    }

    /** The index over every pixel of {@code block} (halo included), NaN where no data. */
    abstract float[] compute(HaloBlock block, int window);

    /** Neighbours needed around a block for a window of side {@code window}. */
    int halo(int window) {
        return this == LOG_RATIO || this == DIFFERENCE ? 0 : window / 2;
    }

    /** Where the one-pass histogram's range starts (it widens as values require). */
    double histogramHalfRange() { return histogramHalfRange; }

    private static float[] amplitude(float[] intensity) {
        float[] a = new float[intensity.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.sqrt(intensity[i]);
        }
        return a;
    }

    private static float signedRatioIndex(float m1, float m2) {
        if (!(m1 > 0) || !(m2 > 0)) {
            return Float.NaN;
        }
        return m2 >= m1 ? 1 - m1 / m2 : -(1 - m2 / m1);
    }
}
