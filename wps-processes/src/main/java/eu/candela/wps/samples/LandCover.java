package eu.candela.wps.samples;

/**
 * Surface types of the synthetic scene with a plausible Sentinel-2 top-of-atmosphere reflectance
 * (x 10000) in B02 (blue), B03 (green), B04 (red) and B08 (near infrared) for a mid-April scene
 * in south-west France. {@code vegetation} is the green-canopy fraction, which drives the
 * phenology drift between the two dates.
 */
enum LandCover {
    WATER(850, 700, 450, 250, 0),
    TURBID_WATER(1000, 950, 800, 520, 0),
    FOREST(700, 650, 450, 2900, 1),
    WHEAT(750, 800, 550, 3500, 1),
    GRASS(780, 850, 650, 3000, 0.9),
    RAPESEED(800, 1150, 900, 3600, 1),
    BARE_SOIL(1100, 1250, 1500, 2200, 0),
    SEEDBED(1200, 1350, 1650, 2300, 0),
    VINE_CANOPY(720, 820, 600, 3000, 1),
    VINE_SOIL(1150, 1300, 1550, 2250, 0),
    HEDGE(760, 820, 620, 2700, 0.8),
    ROOF_TILE(1150, 1150, 1450, 2000, 0),
    ROOF_GREY(1400, 1450, 1500, 1800, 0),
    ASPHALT(950, 950, 950, 1200, 0),
    NEW_ROOF(1650, 1700, 1750, 1950, 0),
    GRAVEL(1350, 1400, 1450, 1700, 0),
    CLEAR_CUT(950, 1000, 1100, 1900, 0);

    private final float[] reflectance;
    private final double vegetation;

    LandCover(float blue, float green, float red, float nir, double vegetation) {
        this.reflectance = new float[] {blue, green, red, nir};
        this.vegetation = vegetation;
    }

    float reflectance(int band) { return reflectance[band]; }

    double vegetation() { return vegetation; }

    /** Crops a field parcel may carry in April, drawn by a parcel hash in [0, 1). */
    static LandCover crop(double draw) {
        if (draw < 0.30) return WHEAT;
        if (draw < 0.45) return RAPESEED;
        if (draw < 0.60) return GRASS;
        if (draw < 0.80) return SEEDBED;
        return BARE_SOIL;
    }
}
