package eu.candela.wps.change;

/**
 * Why a pixel is left out of the change statistics and marked no data in the change map, in the
 * order the reasons are tested: no data first, then the QUALITY classes, then an explicit mask.
 * A pixel is excluded when it is excluded in either date.
 */
enum PixelExclusion {
    /** Either scene has no data (nodata value, NaN, or QUALITY 0). */
    NODATA,
    /** QUALITY 2: opaque cloud or cirrus. */
    CLOUD,
    /** QUALITY 3: cloud shadow. */
    CLOUD_SHADOW,
    /** QUALITY 4: snow or ice, left out when {@code maskSnow} is true. */
    SNOW,
    /** A non-zero value in the {@code beforeMask} or {@code afterMask} input. */
    MASK;

    /** Band description that marks the quality band of a Jpeg2Tiff scene. */
    static final String QUALITY_BAND = "QUALITY";

    private static final PixelExclusion[] VALUES = values();

    /**
     * The exclusion for a QUALITY code (0 no data, 1 clear, 2 cloud, 3 cloud shadow, 4 snow / ice,
     * 5 water), or null when the pixel is usable. Codes outside 0..5 are treated as no data: a
     * class we do not know cannot be trusted.
     */
    static PixelExclusion ofQuality(float code, boolean maskSnow) {
        if (code == 1f || code == 5f) {
            return null;
        }
        if (code == 2f) {
            return CLOUD;
        }
        if (code == 3f) {
            return CLOUD_SHADOW;
        }
        if (code == 4f) {
            return maskSnow ? SNOW : null;
        }
        return NODATA;
    }

    static PixelExclusion of(int ordinal) {
        return VALUES[ordinal];
    }
}
