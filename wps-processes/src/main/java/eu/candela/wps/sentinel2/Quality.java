package eu.candela.wps.sentinel2;

/**
 * The values of the {@code QUALITY} band of a {@link Jpeg2Tiff} image (shared contract 3), and how
 * they derive from the product's own masks.
 */
public final class Quality {
    public static final int NODATA = 0;
    public static final int CLEAR = 1;
    /** Opaque cloud or cirrus. */
    public static final int CLOUD = 2;
    public static final int CLOUD_SHADOW = 3;
    public static final int SNOW = 4;
    public static final int WATER = 5;

    private Quality() {
    }

    /**
     * From the Level-2A scene classification: 0 no data and 1 saturated or defective become no
     * data; 3 cloud shadow; 6 water; 8, 9 cloud (medium, high probability) and 10 thin cirrus become
     * cloud; 11 snow; the rest (2 dark area, 4 vegetation, 5 not vegetated, 7 unclassified) clear.
     */
    public static int fromSceneClass(int scl) {
        return switch (scl) {
            case 0, 1 -> NODATA;
            case 3 -> CLOUD_SHADOW;
            case 6 -> WATER;
            case 8, 9, 10 -> CLOUD;
            case 11 -> SNOW;
            case 2, 4, 5, 7 -> CLEAR;
            default -> NODATA;
        };
    }

    /** From the Level-1C classification mask layers (1 where set): cloud before snow; no shadows at Level-1C. */
    public static int fromClassificationMask(int opaque, int cirrus, int snow) {
        if (opaque != 0 || cirrus != 0) return CLOUD;
        return snow != 0 ? SNOW : CLEAR;
    }
}
