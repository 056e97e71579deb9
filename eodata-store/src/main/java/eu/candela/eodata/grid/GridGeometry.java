package eu.candela.eodata.grid;

import java.util.Arrays;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Where a raster's pixels lie on the Earth: its size, an affine geotransform in GDAL order and the
 * CRS as an EPSG code. Immutable.
 *
 * <p>The geotransform maps pixel corner (col, row) to map coordinates:
 * {@code x = gt[0] + col*gt[1] + row*gt[2]}, {@code y = gt[3] + col*gt[4] + row*gt[5]}
 * (pixel-is-area, the upper-left corner of pixel (0,0) is (gt[0], gt[3])).
 * As in GDAL and GeoTIFF, x is easting or longitude and y northing or latitude, whatever the axis
 * order of the EPSG definition (EPSG:4326 is latitude first).
 *
 * @param width  number of columns, at least 1
 * @param height number of rows, at least 1
 * @param geoTransform six coefficients in GDAL order, copied
 * @param epsg   the EPSG code of the CRS (for example 32630 for UTM zone 30N)
 */
public record GridGeometry(int width, int height, double[] geoTransform, int epsg) {

    /** Points sampled along each edge for {@link #wgs84Bounds()}: projections bend straight edges. */
    private static final int EDGE_SAMPLES = 16;

    public GridGeometry {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("grid size must be at least 1x1, got " + width + "x" + height);
        }
        if (geoTransform == null || geoTransform.length != 6) {
            throw new IllegalArgumentException("geoTransform must have 6 coefficients, got "
                    + (geoTransform == null ? "null" : geoTransform.length));
        }
        geoTransform = geoTransform.clone();
        for (double c : geoTransform) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("geoTransform coefficients must be finite: " + Arrays.toString(geoTransform));
            }
        }
        if (determinant(geoTransform) == 0) {
            throw new IllegalArgumentException("geoTransform is degenerate (zero determinant): " + Arrays.toString(geoTransform));
        }
        if (epsg <= 0) {
            throw new IllegalArgumentException("epsg must be a positive EPSG code, got " + epsg);
        }
    }

    /** A north-up grid whose upper-left corner is ({@code minX}, {@code maxY}). */
    public static GridGeometry northUp(int width, int height, double minX, double maxY, double pixelSize, int epsg) {
        return new GridGeometry(width, height, new double[] {minX, pixelSize, 0, maxY, 0, -pixelSize}, epsg);
    }

    /** A copy of the six coefficients. */
    @Override
    public double[] geoTransform() {
        return geoTransform.clone();
    }

    /** True when the grid has no rotation or shear terms. */
    public boolean isNorthUp() {
        return geoTransform[2] == 0 && geoTransform[4] == 0;
    }

    /**
     * The CRS as defined by EPSG (SIS caches the lookup, so repeated calls are cheap).
     *
     * @throws UnknownCrsException when SIS cannot resolve the code
     */
    public CoordinateReferenceSystem crs() {
        try {
            return CRS.forCode("EPSG:" + epsg);
        } catch (FactoryException e) {
            throw new UnknownCrsException(epsg, e);
        }
    }

    /** {minX, minY, maxX, maxY} of the grid's outer pixel corners, in the native CRS (x = easting/longitude). */
    public double[] envelope() {
        double[] bounds = emptyBounds();
        for (int row = 0; row <= 1; row++) {
            for (int col = 0; col <= 1; col++) {
                include(bounds, pixelToMap(col * (double) width, row * (double) height));
            }
        }
        return bounds;
    }

    /**
     * {minLon, minLat, maxLon, maxLat} in WGS 84, from the corners and points along each edge
     * transformed through Apache SIS. Longitude first.
     *
     * @throws UnknownCrsException when SIS cannot resolve the code
     * @throws IllegalStateException when the grid cannot be transformed to WGS 84
     */
    public double[] wgs84Bounds() {
        try {
            CoordinateReferenceSystem horizontal = CRS.getHorizontalComponent(crs());
            if (horizontal == null) {
                throw new IllegalStateException("EPSG:" + epsg + " has no horizontal component");
            }
            // GDAL order: x is easting or longitude whatever the EPSG axis order, hence the display-oriented CRS.
            CoordinateReferenceSystem xy = AbstractCRS.castOrCopy(horizontal).forConvention(AxesConvention.DISPLAY_ORIENTED);
            MathTransform toWgs84 = CRS.findOperation(xy, CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
            double[] points = edgePoints();
            toWgs84.transform(points, 0, points, 0, points.length / 2);
            double[] bounds = emptyBounds();
            for (int i = 0; i < points.length; i += 2) {
                include(bounds, new double[] {points[i], points[i + 1]});
            }
            return bounds;
        } catch (FactoryException | TransformException e) {
            throw new IllegalStateException("cannot transform the grid of EPSG:" + epsg + " to WGS 84: " + e.getMessage(), e);
        }
    }

    /** Width of a pixel along x in map units (the length of the column vector, so also right for rotated grids). */
    public double pixelSizeX() {
        return Math.hypot(geoTransform[1], geoTransform[4]);
    }

    /** Height of a pixel along y in map units, positive. */
    public double pixelSizeY() {
        return Math.hypot(geoTransform[2], geoTransform[5]);
    }

    /** Map coordinates {x, y} of fractional pixel position (col, row); (0.5, 0.5) is the centre of the first pixel. */
    public double[] pixelToMap(double col, double row) {
        double[] gt = geoTransform;
        return new double[] {gt[0] + col * gt[1] + row * gt[2], gt[3] + col * gt[4] + row * gt[5]};
    }

    /** Fractional pixel position {col, row} of map coordinates (x, y); the inverse of {@link #pixelToMap}. */
    public double[] mapToPixel(double x, double y) {
        double[] gt = geoTransform;
        double det = determinant(gt);
        double dx = x - gt[0];
        double dy = y - gt[3];
        return new double[] {(gt[5] * dx - gt[2] * dy) / det, (gt[1] * dy - gt[4] * dx) / det};
    }

    /** The sub-grid of the window ({@code x}, {@code y}, {@code w}, {@code h}), which must lie inside this grid. */
    public GridGeometry window(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w < 1 || h < 1 || (long) x + w > width || (long) y + h > height) {
            throw new IllegalArgumentException("window x=" + x + " y=" + y + " w=" + w + " h=" + h
                    + " is not inside the " + width + "x" + height + " grid");
        }
        double[] origin = pixelToMap(x, y);
        double[] gt = geoTransform.clone();
        gt[0] = origin[0];
        gt[3] = origin[1];
        return new GridGeometry(w, h, gt, epsg);
    }

    /**
     * The same extent with {@code w} x {@code h} pixels: what an overview level is. Pixel size scales
     * by the size ratio, as GDAL computes it for overviews.
     */
    public GridGeometry withSize(int w, int h) {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("size must be at least 1x1, got " + w + "x" + h);
        }
        double sx = (double) width / w;
        double sy = (double) height / h;
        double[] gt = geoTransform.clone();
        gt[1] *= sx;
        gt[4] *= sx;
        gt[2] *= sy;
        gt[5] *= sy;
        return new GridGeometry(w, h, gt, epsg);
    }

    /** The overview grid reduced by {@code factor}: size rounded up, same extent (see {@link #withSize}). */
    public GridGeometry downsampled(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        return withSize(ceilDiv(width, factor), ceilDiv(height, factor));
    }

    /** Same grid, another CRS code (for example after a reader found the code in a different key). */
    public GridGeometry withEpsg(int newEpsg) {
        return new GridGeometry(width, height, geoTransform, newEpsg);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridGeometry g && width == g.width && height == g.height && epsg == g.epsg
                && Arrays.equals(geoTransform, g.geoTransform);
    }

    @Override
    public int hashCode() {
        return (31 * (31 * width + height) + epsg) * 31 + Arrays.hashCode(geoTransform);
    }

    @Override
    public String toString() {
        return "GridGeometry[" + width + "x" + height + ", EPSG:" + epsg + ", geoTransform=" + Arrays.toString(geoTransform) + "]";
    }

    private double[] edgePoints() {
        double[] points = new double[EDGE_SAMPLES * 4 * 2];
        int i = 0;
        for (int s = 0; s < EDGE_SAMPLES; s++) {
            double t = (double) s / EDGE_SAMPLES;
            double[][] onEdges = {
                pixelToMap(t * width, 0), pixelToMap(width, t * height),
                pixelToMap(width - t * width, height), pixelToMap(0, height - t * height)};
            for (double[] p : onEdges) {
                points[i++] = p[0];
                points[i++] = p[1];
            }
        }
        return points;
    }

    private static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    private static double determinant(double[] gt) {
        return gt[1] * gt[5] - gt[2] * gt[4];
    }

    private static double[] emptyBounds() {
        return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }

    private static void include(double[] bounds, double[] p) {
        bounds[0] = Math.min(bounds[0], p[0]);
        bounds[1] = Math.min(bounds[1], p[1]);
        bounds[2] = Math.max(bounds[2], p[0]);
        bounds[3] = Math.max(bounds[3], p[1]);
    }
}
