package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import org.opengis.referencing.operation.MathTransform;

/** A coverage's extent in another CRS, from its edges densified so that bent edges are covered. */
final class CoverageEnvelopes {
    /** Points per edge, corners included. */
    static final int POINTS_PER_EDGE = 21;

    private CoverageEnvelopes() {}

    /**
     * {minX, minY, maxX, maxY} of {@code grid}'s outer edges through {@code coverageToMap}, east axis first.
     *
     * @throws UnsupportedCrsException when no edge point can be transformed
     */
    static double[] of(GridGeometry grid, MathTransform coverageToMap, int epsg) {
        int segments = POINTS_PER_EDGE - 1;
        int count = 4 * segments;
        double[] points = new double[2 * count];
        int p = 0;
        for (int s = 0; s < segments; s++) {
            double t = (double) s / segments;
            double[][] onEdges = {
                grid.pixelToMap(t * grid.width(), 0), grid.pixelToMap(grid.width(), t * grid.height()),
                grid.pixelToMap((1 - t) * grid.width(), grid.height()), grid.pixelToMap(0, (1 - t) * grid.height())};
            for (double[] point : onEdges) {
                points[p++] = point[0];
                points[p++] = point[1];
            }
        }
        CrsTransforms.transformInPlace(coverageToMap, points, count);
        double[] bounds = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < points.length; i += 2) {
            double x = points[i];
            double y = points[i + 1];
            if (Double.isFinite(x) && Double.isFinite(y)) {
                bounds[0] = Math.min(bounds[0], x);
                bounds[1] = Math.min(bounds[1], y);
                bounds[2] = Math.max(bounds[2], x);
                bounds[3] = Math.max(bounds[3], y);
            }
        }
        if (!(bounds[0] <= bounds[2])) {
            throw new UnsupportedCrsException(epsg, "the coverage in EPSG:" + grid.epsg()
                    + " cannot be expressed in EPSG:" + epsg, null);
        }
        return bounds;
    }
}
