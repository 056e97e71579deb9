package eu.candela.ows.render;

/**
 * The area a map covers, in a CRS given by EPSG code, always with the east (x, longitude) axis
 * first: the protocol layers swap WMS 1.3.0 latitude/longitude order before building one.
 *
 * @param epsg EPSG code of the map CRS (4326 with longitude first stands for CRS:84 too)
 */
public record MapExtent(double minX, double minY, double maxX, double maxY, int epsg) {

    public MapExtent {
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
            throw new IllegalArgumentException("map extent must be finite numbers");
        }
        if (!(minX < maxX && minY < maxY)) {
            throw new IllegalArgumentException("map extent minimum must be below maximum: "
                    + minX + "," + minY + "," + maxX + "," + maxY);
        }
        if (epsg <= 0) {
            throw new IllegalArgumentException("EPSG code must be positive, got " + epsg);
        }
    }

    public double width() { return maxX - minX; }

    public double height() { return maxY - minY; }
}
