package eu.candela.wps.samples;

/**
 * Scratch description of one pixel of the synthetic scene, filled by {@link Landscape} and reused
 * from pixel to pixel so generating a scene allocates nothing per pixel. Not thread-safe.
 */
final class Site {
    enum Kind { WATER, URBAN, FOREST, FIELD, VINEYARD, LANE }

    Kind kind;
    /** Parcel indices in the rotated parcel frame (fields, vineyards, lanes). */
    long parcelI;
    long parcelJ;
    /** Position inside the parcel, in pixels from its corner, and the parcel size. */
    double a;
    double b;
    double width;
    double height;
    /** Green-canopy fraction 0..1 and how fast it grows between the dates (0.7..1.3). */
    double vegetation;
    double growth;
    /** Noise-free surface reflectance of each band at the first date. */
    final float[] surface = new float[4];
}
