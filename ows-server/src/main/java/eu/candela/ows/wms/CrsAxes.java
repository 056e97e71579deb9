package eu.candela.ows.wms;

import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.cs.AxisDirection;
import org.opengis.util.FactoryException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows, per EPSG code, whether the official axis order puts north (latitude) first and whether
 * the CRS is geographic: WMS 1.3.0 BBOX values follow the EPSG order (EPSG:4326 is latitude,
 * longitude). Looked up in Apache SIS once per code; a code SIS cannot resolve is taken as
 * east-first unless it lies in EPSG's geographic range 4000-4999, and the renderer reports it.
 */
final class CrsAxes {

    /** @param northFirst the first axis points north or south
     *  @param geographic  coordinates are degrees of longitude and latitude */
    record Axes(boolean northFirst, boolean geographic) {}

    private final Map<Integer, Axes> cache = new ConcurrentHashMap<>();

    Axes of(int epsg) {
        return cache.computeIfAbsent(epsg, CrsAxes::lookUp);
    }

    private static Axes lookUp(int epsg) {
        try {
            CoordinateReferenceSystem crs = CRS.forCode("EPSG:" + epsg);
            AxisDirection first = crs.getCoordinateSystem().getAxis(0).getDirection();
            boolean north = first == AxisDirection.NORTH || first == AxisDirection.SOUTH;
            return new Axes(north, crs instanceof GeographicCRS);
        } catch (FactoryException | RuntimeException e) {
            boolean geographic = epsg >= 4000 && epsg < 5000;
            return new Axes(geographic, geographic);
        }
    }
}
