package eu.candela.wps.samples;

/**
 * The true acquisition geometry of a generated GRD image: where each (line, pixel) lies on the
 * ground, the terrain height there and the incidence angle. Lines run along the track, pixels
 * increase with range (right-looking, as in every Sentinel-1 GRD); the track is slightly curved
 * and the local metric frame is mapped to latitude and longitude on a sphere, so latitude and
 * longitude are not affine in (line, pixel), which the tie-point interpolation of the reader must
 * follow. The world is a local east / north frame in metres around the scene centre (see
 * {@link #toEastNorth}); all products of a pair share it. Immutable.
 */
final class GrdGeometry {
    static final double EARTH_RADIUS = 6_371_008.8;
    /** Curvature of the ground track, 1/m: a few tens of metres of bow over 100 km, as orbits give. */
    private static final double TRACK_CURVATURE = 2e-9;
    private static final double NEAR_INCIDENCE = 30.5;
    private static final double FAR_INCIDENCE = 46.0;
    /** A full IW swath: what the incidence range spans. */
    static final double SWATH_WIDTH = 250_000;

    private final int width;
    private final int height;
    private final double spacing;
    private final double originLat;
    private final double originLon;
    private final double centreEast;
    private final double centreNorth;
    private final double sinHeading;
    private final double cosHeading;
    /** Where this image's first pixel lies across the full swath, metres: sets its incidence angles. */
    private final double swathOffset;

    /**
     * @param originLat, originLon the world origin (east = north = 0)
     * @param centreEast, centreNorth the image centre in the world frame, metres
     * @param headingDegrees track direction, clockwise from north (about 348 ascending, 192 descending)
     */
    GrdGeometry(int width, int height, double spacing, double originLat, double originLon, double centreEast,
                double centreNorth, double headingDegrees) {
        this.width = width;
        this.height = height;
        this.spacing = spacing;
        this.originLat = originLat;
        this.originLon = originLon;
        this.centreEast = centreEast;
        this.centreNorth = centreNorth;
        this.sinHeading = Math.sin(Math.toRadians(headingDegrees));
        this.cosHeading = Math.cos(Math.toRadians(headingDegrees));
        // A narrow image is cut across the first sub-swath boundary, so even small test products have two sub-swaths.
        this.swathOffset = Math.max(0, Math.min(SWATH_WIDTH / 3 - width * spacing / 2, SWATH_WIDTH - width * spacing));
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    double spacing() {
        return spacing;
    }

    /** {east, north} in the world frame of fractional (line, pixel); pixel centres are at integers. */
    void toEastNorth(double line, double pixel, double[] out) {
        double along = (line - (height - 1) / 2.0) * spacing;
        double across = (pixel - (width - 1) / 2.0) * spacing + TRACK_CURVATURE * along * along;
        // Along the heading, and to its right (range increases to the right of the track).
        out[0] = centreEast + along * sinHeading + across * cosHeading;
        out[1] = centreNorth + along * cosHeading - across * sinHeading;
    }

    /** {latitude, longitude} in degrees of world (east, north) on a sphere. */
    double[] toLatLon(double east, double north) {
        double lat = originLat + Math.toDegrees(north / EARTH_RADIUS);
        double lon = originLon + Math.toDegrees(east / (EARTH_RADIUS * Math.cos(Math.toRadians(lat))));
        return new double[] {lat, lon};
    }

    /** World {east, north} of (latitude, longitude): the inverse of {@link #toLatLon}. */
    double[] fromLatLon(double lat, double lon) {
        double north = Math.toRadians(lat - originLat) * EARTH_RADIUS;
        double east = Math.toRadians(lon - originLon) * EARTH_RADIUS * Math.cos(Math.toRadians(lat));
        return new double[] {east, north};
    }

    /** Fractional {line, pixel} of world (east, north): the exact inverse of {@link #toEastNorth}. */
    double[] imagePosition(double east, double north) {
        double de = east - centreEast;
        double dn = north - centreNorth;
        double along = de * sinHeading + dn * cosHeading;
        double across = de * cosHeading - dn * sinHeading - TRACK_CURVATURE * along * along;
        return new double[] {along / spacing + (height - 1) / 2.0, across / spacing + (width - 1) / 2.0};
    }

    /** True when fractional (line, pixel) lies inside the image. */
    boolean inside(double[] linePixel) {
        return linePixel[0] >= 0 && linePixel[0] <= height - 1 && linePixel[1] >= 0 && linePixel[1] <= width - 1;
    }

    /** {latitude, longitude} of (line, pixel). */
    double[] latLon(double line, double pixel) {
        double[] en = new double[2];
        toEastNorth(line, pixel, en);
        return toLatLon(en[0], en[1]);
    }

    /** Distance in metres of a pixel from the near edge of the full swath. */
    double acrossSwath(double pixel) {
        return swathOffset + pixel * spacing;
    }

    /** Incidence angle in degrees at pixel, from the position across the full swath. */
    double incidenceAngle(double pixel) {
        double across = acrossSwath(pixel);
        return NEAR_INCIDENCE + (FAR_INCIDENCE - NEAR_INCIDENCE) * Math.min(1, across / SWATH_WIDTH);
    }

    /** Terrain height in metres, a smooth relief of a few tens of metres over the world frame. */
    static double terrainHeight(double east, double north) {
        return 80 + 40 * Math.sin(east / 9_000.0) * Math.cos(north / 13_000.0);
    }
}
