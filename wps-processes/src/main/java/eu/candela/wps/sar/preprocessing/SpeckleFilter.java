package eu.candela.wps.sar.preprocessing;

/**
 * Speckle filters on intensity (linear sigma0), NaN-aware: no-data pixels stay NaN and are left out
 * of every neighbourhood. {@code enl} is the equivalent number of looks of the input, which sets the
 * speckle's coefficient of variation {@code Cu = 1 / sqrt(enl)}.
 */
public enum SpeckleFilter {
    /** No filtering. */
    NONE,
    /** Local-statistics minimum mean square error filter: J.-S. Lee, IEEE PAMI 2(2):165-168, 1980. */
    LEE,
    /**
     * Lee's refined filter with edge-aligned windows: J.-S. Lee, "Refined filtering of image noise
     * using local statistics", Computer Graphics and Image Processing 15:380-389, 1981 (as in
     * Lee and Pottier, Polarimetric Radar Imaging, 2009, section 5.2).
     */
    REFINED_LEE,
    /** Gamma maximum a posteriori: A. Lopes, E. Nezry, R. Touzi, H. Laur, IGARSS 1990 / IJRS 14(9), 1993. */
    GAMMA_MAP;

    /**
     * Filters the {@code width} x {@code height} image {@code in} into {@code out} with a
     * {@code window} x {@code window} neighbourhood (odd, at least 3).
     */
    public void apply(float[] in, int width, int height, int window, double enl, float[] out) {
        switch (this) {
            case NONE -> System.arraycopy(in, 0, out, 0, width * height);
            case LEE -> LocalStatisticsFilters.lee(in, width, height, window, enl, out);
            case GAMMA_MAP -> LocalStatisticsFilters.gammaMap(in, width, height, window, enl, out);
            case REFINED_LEE -> RefinedLeeFilter.apply(in, width, height, window, enl, out);
        }
    }
}
