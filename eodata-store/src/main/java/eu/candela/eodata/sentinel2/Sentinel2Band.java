package eu.candela.eodata.sentinel2;

/**
 * The thirteen MSI bands, with the {@code band_id} the metadata use (0..12, in this order) and the
 * native resolution in metres.
 */
public enum Sentinel2Band {
    B01(60), B02(10), B03(10), B04(10), B05(20), B06(20), B07(20), B08(10), B8A(20), B09(60), B10(60), B11(20), B12(20);

    private final int resolution;

    Sentinel2Band(int resolution) {
        this.resolution = resolution;
    }

    /** The {@code band_id} / {@code bandId} of the metadata: B01 is 0, B8A is 8, B12 is 12. */
    public int bandId() {
        return ordinal();
    }

    /** Native ground sampling distance in metres: 10, 20 or 60. */
    public int resolution() {
        return resolution;
    }

    /** @throws IllegalArgumentException when {@code bandId} is not in 0..12 */
    public static Sentinel2Band ofBandId(int bandId) {
        Sentinel2Band[] all = values();
        if (bandId < 0 || bandId >= all.length) {
            throw new IllegalArgumentException("band_id must be 0..12, got " + bandId);
        }
        return all[bandId];
    }
}
