package eu.candela.ows.render;

/**
 * Which level of a coverage a map reads, as GDAL and GeoServer choose it: the coarsest level whose
 * pixels are still at least as fine as the map's, so a zoomed-out map of a huge image reads only a
 * small overview and a zoomed-in one the full resolution.
 */
final class OverviewChoice {
    /** Relative slack so that a map at exactly an overview's scale (up to rounding) reads that overview. */
    private static final double SLACK = 1e-6;

    private OverviewChoice() {}

    /**
     * @param sourcePixelsPerMapPixel full-resolution pixels under one map pixel (0 or NaN: full resolution)
     */
    static int coarsestFinerThan(OpenCoverage coverage, double sourcePixelsPerMapPixel) {
        int chosen = 0;
        if (!(sourcePixelsPerMapPixel > 1)) {
            return chosen;
        }
        for (int level = 1; level < coverage.levelCount(); level++) {
            if (coverage.levelFactor(level) <= sourcePixelsPerMapPixel * (1 + SLACK)) {
                chosen = level;
            }
        }
        return chosen;
    }
}
