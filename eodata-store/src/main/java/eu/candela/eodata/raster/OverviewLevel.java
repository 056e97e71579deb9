package eu.candela.eodata.raster;

/**
 * Size of one reduced-resolution level of a raster. Level 1 is the first overview.
 */
public record OverviewLevel(int width, int height) {

    public OverviewLevel {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("overview size must be at least 1x1, got " + width + "x" + height);
        }
    }
}
