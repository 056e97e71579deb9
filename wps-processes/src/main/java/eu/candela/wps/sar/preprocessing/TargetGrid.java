package eu.candela.wps.sar.preprocessing;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.grid.PointTransform;
import eu.candela.eodata.sentinel1.GeolocationGrid;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.InvalidInputException;
import java.util.Locale;

/**
 * The common map grid of both outputs: the CRS (the UTM zone of the area's centre, or EPSG:4326),
 * the area (the bounding box when given, else the overlap of the two footprints) and the pixel
 * size, with the origin snapped to whole pixels so that runs over neighbouring areas line up.
 */
final class TargetGrid {
    static final String UTM = "UTM";
    static final String WGS84 = "EPSG:4326";
    private static final double METRES_PER_DEGREE = 111_320;
    private static final long MAX_PIXELS = 2_000_000_000L;
    private static final int EDGE_SAMPLES = 16;

    private TargetGrid() {
    }

    static GridGeometry build(GeolocationGrid before, GeolocationGrid after, BoundingBox area, String crs, double pixelSize) {
        String choice = crs.trim().toUpperCase(Locale.ROOT);
        if (!choice.equals(UTM) && !choice.equals(WGS84)) {
            throw new InvalidInputException("targetCrs", "must be UTM (the zone of the area's centre) or EPSG:4326, got '" + crs + "'");
        }
        PointTransform identity = PointTransform.between(4326, 4326);
        Footprint overlap = Footprint.of(before, identity).intersection(Footprint.of(after, identity));
        if (overlap.isEmpty()) {
            throw new InvalidInputException("after", "does not overlap the product 'before': their footprints share no ground");
        }
        double[] lonLatBounds = area == null ? overlap.bounds() : areaBounds(area, 4326);
        if (area != null && overlap.intersection(Footprint.rectangle(lonLatBounds[0], lonLatBounds[1], lonLatBounds[2], lonLatBounds[3])).isEmpty()) {
            throw new InvalidInputException("area", "does not intersect the ground both products cover");
        }
        double centreLon = (lonLatBounds[0] + lonLatBounds[2]) / 2;
        double centreLat = (lonLatBounds[1] + lonLatBounds[3]) / 2;
        int epsg = choice.equals(WGS84) ? 4326 : utmZone(centreLon, centreLat);
        double[] bounds;
        if (area != null) {
            bounds = areaBounds(area, epsg);
        } else {
            PointTransform toMap = PointTransform.between(4326, epsg);
            bounds = Footprint.of(before, toMap).intersection(Footprint.of(after, toMap)).bounds();
        }
        double sizeY = epsg == 4326 ? pixelSize / METRES_PER_DEGREE : pixelSize;
        double sizeX = epsg == 4326 ? pixelSize / (METRES_PER_DEGREE * Math.cos(Math.toRadians(centreLat))) : pixelSize;
        double minX = Math.floor(bounds[0] / sizeX) * sizeX;
        double maxY = Math.ceil(bounds[3] / sizeY) * sizeY;
        long width = Math.max(1, (long) Math.ceil((bounds[2] - minX) / sizeX - 1e-9));
        long height = Math.max(1, (long) Math.ceil((maxY - bounds[1]) / sizeY - 1e-9));
        if (width * height > MAX_PIXELS || width > Integer.MAX_VALUE / 2 || height > Integer.MAX_VALUE / 2) {
            throw new InvalidInputException("pixelSize", "gives a grid of " + width + " x " + height + " pixels; choose a larger pixel size or a smaller area");
        }
        return new GridGeometry((int) width, (int) height, new double[] {minX, sizeX, 0, maxY, 0, -sizeY}, epsg);
    }

    /** EPSG code of the WGS 84 UTM zone of (lon, lat): 326zz north, 327zz south. */
    static int utmZone(double lon, double lat) {
        int zone = (int) Math.floor((lon + 180) / 6) + 1;
        zone = Math.max(1, Math.min(60, zone));
        return (lat >= 0 ? 32600 : 32700) + zone;
    }

    /** The bounding box in {@code epsg} (x / y order), from points along its edges: projections bend straight edges. */
    private static double[] areaBounds(BoundingBox box, int epsg) {
        PointTransform t;
        try {
            t = PointTransform.fromDefinedAxes(box.crs(), epsg);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("area", "has a CRS that cannot be used: " + e.getMessage());
        }
        double[] points = new double[8 * EDGE_SAMPLES];
        int k = 0;
        for (int i = 0; i < EDGE_SAMPLES; i++) {
            double f = i / (double) EDGE_SAMPLES;
            double x = box.minX() + f * box.width();
            double y = box.minY() + f * box.height();
            double[][] edge = {{x, box.minY()}, {box.maxX(), y}, {box.maxX() - f * box.width(), box.maxY()}, {box.minX(), box.maxY() - f * box.height()}};
            for (double[] p : edge) {
                points[k++] = p[0];
                points[k++] = p[1];
            }
        }
        try {
            t.transform(points, 4 * EDGE_SAMPLES);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("area", "cannot be transformed to EPSG:" + epsg + ": " + e.getMessage());
        }
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < points.length; i += 2) {
            b[0] = Math.min(b[0], points[i]);
            b[1] = Math.min(b[1], points[i + 1]);
            b[2] = Math.max(b[2], points[i]);
            b[3] = Math.max(b[3], points[i + 1]);
        }
        if (!(b[2] > b[0] && b[3] > b[1])) {
            throw new InvalidInputException("area", "is empty once transformed to EPSG:" + epsg);
        }
        return b;
    }
}
