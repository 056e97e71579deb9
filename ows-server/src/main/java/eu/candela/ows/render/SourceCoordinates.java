package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import org.opengis.referencing.operation.MathTransform;

/**
 * Where the centres of a map's pixels fall in a coverage's full-resolution pixel grid, as fractional
 * (column, row) positions (pixel (c, r) spans [c, c+1) x [r, r+1)); NaN where a pixel lies beyond the
 * coverage's reach.
 *
 * <p>Transforming every pixel through the map projection is too slow, so, like GDAL's approximate
 * transformer, this transforms a grid of nodes every {@link #STEP} pixels (plus the last row and
 * column) and interpolates bilinearly in between. Each cell's centre is also transformed exactly;
 * when the interpolation misses it by more than the tolerance, that cell is transformed pixel by
 * pixel. Cells with a node outside the coverage's envelope are transformed pixel by pixel too, so
 * coverage edges and projection domains stay exact.
 *
 * <p>One instance serves one map request; not thread-safe.
 */
final class SourceCoordinates {
    static final int STEP = 16;

    private final MapExtent extent;
    private final int width;
    private final double pixelWidth;
    private final double pixelHeight;
    private final MathTransform mapToCoverage;
    private final double[] toPixel;
    private final double[] reach;
    private final double tolerance;
    private final int[] nodeColumns;
    private final int[] nodeRows;
    private long exactPixels;

    /**
     * @param mapToCoverage from map CRS to coverage CRS coordinates, east axis first
     * @param grid          the coverage's full-resolution grid
     * @param reach         {minX, minY, maxX, maxY} in the map CRS beyond which no pixel can hit the coverage
     * @param tolerance     largest interpolation error accepted, in full-resolution pixels
     */
    SourceCoordinates(MapExtent extent, int width, int height, MathTransform mapToCoverage, GridGeometry grid,
                      double[] reach, double tolerance) {
        this.extent = extent;
        this.width = width;
        this.pixelWidth = extent.width() / width;
        this.pixelHeight = extent.height() / height;
        this.mapToCoverage = mapToCoverage;
        this.toPixel = inverse(grid.geoTransform());
        this.reach = reach.clone();
        this.tolerance = tolerance;
        this.nodeColumns = nodes(width);
        this.nodeRows = nodes(height);
    }

    /** Number of row strips the map is computed in. */
    int stripCount() {
        return Math.max(1, nodeRows.length - 1);
    }

    /** First map row of strip {@code s}. */
    int stripStart(int s) {
        return nodeRows[s];
    }

    /** One past the last map row of strip {@code s}: the last strip holds the last node row. */
    int stripEnd(int s) {
        return s >= nodeRows.length - 2 ? nodeRows[nodeRows.length - 1] + 1 : nodeRows[s + 1];
    }

    /** Pixels transformed exactly so far (nodes and cell centres excluded), to see how often the shortcut fails. */
    long exactPixels() {
        return exactPixels;
    }

    /**
     * Fills {@code columns[k]} and {@code rows[k]} for the pixels of strip {@code s}, row by row from
     * {@link #stripStart}: k = (j - stripStart) * width + i.
     */
    void strip(int s, double[] columns, double[] rows) {
        int top = stripStart(s);
        int end = stripEnd(s);
        if (nodeRows.length < 2 || nodeColumns.length < 2) {
            exact(0, width, top, end, top, columns, rows);
            return;
        }
        int bottom = nodeRows[s + 1];
        double[] upper = transformPixels(nodeColumns, top);
        double[] lower = transformPixels(nodeColumns, bottom);
        double[] centres = cellCentres(top, bottom);
        for (int k = 0; k + 1 < nodeColumns.length; k++) {
            int left = nodeColumns[k];
            int right = nodeColumns[k + 1];
            int cellEnd = k + 2 == nodeColumns.length ? right + 1 : right;
            if (interpolable(upper, lower, centres, k, left, right, top, bottom)) {
                interpolate(upper, lower, k, left, right, cellEnd, top, bottom, end, columns, rows);
            } else {
                exact(left, cellEnd, top, end, top, columns, rows);
            }
        }
    }

    /** Exact full-resolution position {column, row} of map CRS point (x, y); NaN outside the reach. */
    double[] exactAt(double x, double y) {
        double[] point = {x, y};
        if (!withinReach(x, y)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        CrsTransforms.transformInPlace(mapToCoverage, point, 1);
        return toPixel(point[0], point[1]);
    }

    /** Map CRS x of the centre of map column {@code i}. */
    double mapX(double i) {
        return extent.minX() + (i + 0.5) * pixelWidth;
    }

    /** Map CRS y of the centre of map row {@code j}. */
    double mapY(double j) {
        return extent.maxY() - (j + 0.5) * pixelHeight;
    }

    private boolean interpolable(double[] upper, double[] lower, double[] centres, int k,
                                 int left, int right, int top, int bottom) {
        double[] corners = {upper[2 * k], upper[2 * k + 1], upper[2 * k + 2], upper[2 * k + 3],
            lower[2 * k], lower[2 * k + 1], lower[2 * k + 2], lower[2 * k + 3]};
        for (double c : corners) {
            if (!Double.isFinite(c)) {
                return false;
            }
        }
        double t = (double) ((left + right) / 2 - left) / (right - left);
        double u = (double) ((top + bottom) / 2 - top) / (bottom - top);
        double column = bilinear(corners[0], corners[2], corners[4], corners[6], t, u);
        double row = bilinear(corners[1], corners[3], corners[5], corners[7], t, u);
        double exactColumn = centres[2 * k];
        double exactRow = centres[2 * k + 1];
        return Math.abs(column - exactColumn) <= tolerance && Math.abs(row - exactRow) <= tolerance;
    }

    private void interpolate(double[] upper, double[] lower, int k, int left, int right, int cellEnd,
                             int top, int bottom, int end, double[] columns, double[] rows) {
        double c00 = upper[2 * k], r00 = upper[2 * k + 1], c10 = upper[2 * k + 2], r10 = upper[2 * k + 3];
        double c01 = lower[2 * k], r01 = lower[2 * k + 1], c11 = lower[2 * k + 2], r11 = lower[2 * k + 3];
        for (int j = top; j < end; j++) {
            double u = (double) (j - top) / (bottom - top);
            double cl = c00 + (c01 - c00) * u, rl = r00 + (r01 - r00) * u;
            double cr = c10 + (c11 - c10) * u, rr = r10 + (r11 - r10) * u;
            int base = (j - top) * width;
            for (int i = left; i < cellEnd; i++) {
                double t = (double) (i - left) / (right - left);
                columns[base + i] = cl + (cr - cl) * t;
                rows[base + i] = rl + (rr - rl) * t;
            }
        }
    }

    /** Transforms pixels [iFrom, iTo) x [jFrom, jTo) one by one into the strip arrays starting at row {@code top}. */
    private void exact(int iFrom, int iTo, int jFrom, int jTo, int top, double[] columns, double[] rows) {
        int count = (iTo - iFrom) * (jTo - jFrom);
        double[] points = new double[2 * count];
        int p = 0;
        for (int j = jFrom; j < jTo; j++) {
            for (int i = iFrom; i < iTo; i++) {
                points[p++] = mapX(i);
                points[p++] = mapY(j);
            }
        }
        double[] positions = toPixels(points, count);
        exactPixels += count;
        p = 0;
        for (int j = jFrom; j < jTo; j++) {
            int base = (j - top) * width;
            for (int i = iFrom; i < iTo; i++) {
                columns[base + i] = positions[p++];
                rows[base + i] = positions[p++];
            }
        }
    }

    private double[] transformPixels(int[] columnsOfNodes, int j) {
        double[] points = new double[2 * columnsOfNodes.length];
        for (int k = 0; k < columnsOfNodes.length; k++) {
            points[2 * k] = mapX(columnsOfNodes[k]);
            points[2 * k + 1] = mapY(j);
        }
        return toPixels(points, columnsOfNodes.length);
    }

    private double[] cellCentres(int top, int bottom) {
        int cells = nodeColumns.length - 1;
        double[] points = new double[2 * cells];
        double j = (top + bottom) / 2;
        for (int k = 0; k < cells; k++) {
            points[2 * k] = mapX((nodeColumns[k] + nodeColumns[k + 1]) / 2);
            points[2 * k + 1] = mapY(j);
        }
        return toPixels(points, cells);
    }

    /** Map CRS points to full-resolution positions, in place; NaN for points beyond the reach. */
    private double[] toPixels(double[] points, int count) {
        for (int p = 0; p < count; p++) {
            if (!withinReach(points[2 * p], points[2 * p + 1])) {
                points[2 * p] = Double.NaN;
                points[2 * p + 1] = Double.NaN;
            }
        }
        CrsTransforms.transformInPlace(mapToCoverage, points, count);
        for (int p = 0; p < count; p++) {
            double[] position = toPixel(points[2 * p], points[2 * p + 1]);
            points[2 * p] = position[0];
            points[2 * p + 1] = position[1];
        }
        return points;
    }

    private boolean withinReach(double x, double y) {
        return x >= reach[0] && x <= reach[2] && y >= reach[1] && y <= reach[3];
    }

    private double[] toPixel(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] a = toPixel;
        return new double[] {a[0] + a[1] * x + a[2] * y, a[3] + a[4] * x + a[5] * y};
    }

    private static double bilinear(double v00, double v10, double v01, double v11, double t, double u) {
        double upper = v00 + (v10 - v00) * t;
        double lower = v01 + (v11 - v01) * t;
        return upper + (lower - upper) * u;
    }

    /** 0, STEP, 2 STEP, ... and the last index. */
    private static int[] nodes(int size) {
        int count = (size - 1) / STEP + 1;
        boolean lastOnStep = (size - 1) % STEP == 0;
        int[] nodes = new int[lastOnStep ? count : count + 1];
        for (int n = 0; n < count; n++) {
            nodes[n] = n * STEP;
        }
        nodes[nodes.length - 1] = size - 1;
        return nodes;
    }

    /** Coefficients {c0, cx, cy, r0, rx, ry} of the inverse of a GDAL geotransform: column = c0 + cx x + cy y. */
    private static double[] inverse(double[] gt) {
        double det = gt[1] * gt[5] - gt[2] * gt[4];
        double cx = gt[5] / det, cy = -gt[2] / det;
        double rx = -gt[4] / det, ry = gt[1] / det;
        return new double[] {-(cx * gt[0] + cy * gt[3]), cx, cy, -(rx * gt[0] + ry * gt[3]), rx, ry};
    }
}
