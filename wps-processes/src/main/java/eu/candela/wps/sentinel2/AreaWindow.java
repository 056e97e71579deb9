package eu.candela.wps.sentinel2;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.InvalidInputException;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;
import org.opengis.referencing.operation.TransformException;

/**
 * The pixels of a grid that a bounding box covers. The box, in any CRS Apache SIS knows and in
 * that CRS's axis order (latitude first for EPSG:4326), is densified along its edges and
 * transformed to the grid's CRS, since straight edges bend between projections; the window is the
 * grid pixels the transformed outline's extent touches, clipped to the grid.
 */
final class AreaWindow {
    private static final int EDGE_POINTS = 21;

    private AreaWindow() {
    }

    static BlockGrid.Window of(GridGeometry grid, BoundingBox box, String inputId) {
        double[] points = outline(box);
        try {
            CoordinateReferenceSystem source = CRS.forCode(box.crs());
            MathTransform toGrid = CRS.findOperation(source, grid.crs(), null).getMathTransform();
            toGrid.transform(points, 0, points, 0, points.length / 2);
        } catch (FactoryException e) {
            throw new InvalidInputException(inputId, "CRS '" + box.crs() + "' cannot be used: " + e.getMessage());
        } catch (TransformException e) {
            throw new InvalidInputException(inputId, "cannot be transformed to the product's EPSG:" + grid.epsg() + ": " + e.getMessage());
        }
        double minCol = Double.POSITIVE_INFINITY, minRow = Double.POSITIVE_INFINITY;
        double maxCol = Double.NEGATIVE_INFINITY, maxRow = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.length; i += 2) {
            double[] pixel = grid.mapToPixel(points[i], points[i + 1]);
            minCol = Math.min(minCol, pixel[0]);
            maxCol = Math.max(maxCol, pixel[0]);
            minRow = Math.min(minRow, pixel[1]);
            maxRow = Math.max(maxRow, pixel[1]);
        }
        int x0 = (int) Math.max(0, Math.floor(minCol));
        int y0 = (int) Math.max(0, Math.floor(minRow));
        int x1 = (int) Math.min(grid.width(), Math.ceil(maxCol));
        int y1 = (int) Math.min(grid.height(), Math.ceil(maxRow));
        if (!(x1 > x0 && y1 > y0)) {
            throw new InvalidInputException(inputId, "does not overlap the product's tile");
        }
        return new BlockGrid.Window(x0, y0, x1 - x0, y1 - y0);
    }

    /** Points along the four edges of the box, in its own axis order. */
    private static double[] outline(BoundingBox box) {
        double[] points = new double[4 * EDGE_POINTS * 2];
        int p = 0;
        for (int i = 0; i < EDGE_POINTS; i++) {
            double t = i / (EDGE_POINTS - 1.0);
            double x = box.minX() + t * box.width(), y = box.minY() + t * box.height();
            points[p++] = x; points[p++] = box.minY();
            points[p++] = x; points[p++] = box.maxY();
            points[p++] = box.minX(); points[p++] = y;
            points[p++] = box.maxX(); points[p++] = y;
        }
        return points;
    }
}
