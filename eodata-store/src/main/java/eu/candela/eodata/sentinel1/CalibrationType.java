package eu.candela.eodata.sentinel1;

/** The calibration look-up tables of a Sentinel-1 calibration annotation and the quantity each gives. */
public enum CalibrationType {
    /** Backscatter per unit ground area: what change detection compares. */
    SIGMA0("sigmaNought"),
    /** Radar brightness, per unit slant-range area. */
    BETA0("betaNought"),
    /** Backscatter per unit area perpendicular to the look direction. */
    GAMMA0("gamma"),
    /** The original digital number scaling. */
    DN("dn");

    private final String element;

    CalibrationType(String element) {
        this.element = element;
    }

    /** Name of the element holding this table in the calibration XML. */
    public String element() {
        return element;
    }
}
