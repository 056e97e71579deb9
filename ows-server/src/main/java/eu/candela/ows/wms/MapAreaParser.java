package eu.candela.ows.wms;

import eu.candela.ows.render.MapExtent;

/**
 * Reads CRS / SRS and BBOX into a {@link MapExtent}, east axis first. WMS 1.3.0 writes the BBOX of
 * EPSG:4326 (and other latitude-first CRSs) as minLat,minLon,maxLat,maxLon: those are swapped here,
 * once, so nothing after the parser deals with axis order.
 */
final class MapAreaParser {
    /** Longitudes a client may send when it wraps around the antimeridian (OpenLayers does, once). */
    private static final double MAX_LONGITUDE = 360;
    private static final double MAX_LATITUDE = 90;
    private static final double WORLD_LONGITUDE = 180;

    private final CrsAxes axes;

    MapAreaParser(CrsAxes axes) {
        this.axes = axes;
    }

    WmsCrs crs(String text, WmsVersion version) {
        return WmsCrs.parse(text, version, axes);
    }

    /**
     * @throws WmsException InvalidParameterValue (locator BBOX) when it is not four numbers, is
     *                      inverted or empty, or for a geographic CRS lies off the Earth
     */
    MapExtent extent(String bbox, WmsCrs crs) {
        String[] parts = bbox.split(",");
        if (parts.length != 4) throw bad(bbox, "is not four comma-separated numbers");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad(bbox, "is not four comma-separated numbers");
            }
            if (!Double.isFinite(v[i])) throw bad(bbox, "has a value that is not a finite number");
        }
        if (!(v[0] < v[2] && v[1] < v[3])) throw bad(bbox, "is inverted or empty: each minimum must be below its maximum");
        double minX = crs.northFirst() ? v[1] : v[0];
        double minY = crs.northFirst() ? v[0] : v[1];
        double maxX = crs.northFirst() ? v[3] : v[2];
        double maxY = crs.northFirst() ? v[2] : v[3];
        if (crs.geographic()) checkOnEarth(bbox, minX, minY, maxX, maxY);
        return new MapExtent(minX, minY, maxX, maxY, crs.epsg());
    }

    private static void checkOnEarth(String bbox, double minLon, double minLat, double maxLon, double maxLat) {
        if (minLat < -MAX_LATITUDE || maxLat > MAX_LATITUDE) {
            throw bad(bbox, "has a latitude beyond 90 degrees");
        }
        if (minLon < -MAX_LONGITUDE || maxLon > MAX_LONGITUDE) {
            throw bad(bbox, "has a longitude beyond 360 degrees");
        }
        if (minLon >= WORLD_LONGITUDE || maxLon <= -WORLD_LONGITUDE) {
            throw bad(bbox, "lies entirely outside the world (longitudes -180 to 180)");
        }
    }

    private static WmsException bad(String bbox, String why) {
        return WmsException.invalid("BBOX", "BBOX '" + bbox + "' " + why);
    }
}
