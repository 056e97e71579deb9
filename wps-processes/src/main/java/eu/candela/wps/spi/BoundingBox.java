package eu.candela.wps.spi;

import java.util.Objects;

/**
 * A two-dimensional bounding box in the axis order of its CRS as the client sent it (for EPSG:4326
 * in WPS 1.0 that is latitude first, so {@code minX} is then a latitude). Bounds are inclusive.
 *
 * @param minX lower corner, first axis
 * @param minY lower corner, second axis
 * @param maxX upper corner, first axis, not below {@code minX}
 * @param maxY upper corner, second axis, not below {@code minY}
 * @param crs  the CRS identifier as accepted by the input's {@link Crs}, for example {@code EPSG:4326}
 */
public record BoundingBox(double minX, double minY, double maxX, double maxY, String crs) {
    public BoundingBox {
        Objects.requireNonNull(crs, "crs");
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
            throw new IllegalArgumentException("bounding box corners must be finite numbers");
        }
        if (minX > maxX || minY > maxY) {
            throw new IllegalArgumentException("bounding box lower corner (" + minX + ", " + minY
                    + ") is above its upper corner (" + maxX + ", " + maxY + ")");
        }
    }

    public double width() { return maxX - minX; }

    public double height() { return maxY - minY; }
}
