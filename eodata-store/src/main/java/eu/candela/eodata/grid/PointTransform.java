package eu.candela.eodata.grid;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Transforms 2-D points between coordinate reference systems with Apache SIS, in batches. Target
 * coordinates are always in GDAL order (x = easting or longitude); source coordinates either in
 * GDAL order too or in the axis order of the CRS definition (as OGC requests give them: EPSG:4326
 * latitude first). Thread-safe.
 */
public final class PointTransform {
    private final MathTransform transform;

    private PointTransform(MathTransform transform) {
        this.transform = transform;
    }

    /** From {@code sourceEpsg} to {@code targetEpsg}, both in x / y (easting, longitude first) order. */
    public static PointTransform between(int sourceEpsg, int targetEpsg) {
        return create(xy(crs("EPSG:" + sourceEpsg)), xy(crs("EPSG:" + targetEpsg)));
    }

    /**
     * From {@code sourceCrs} (an identifier SIS knows, such as {@code EPSG:4326} or
     * {@code urn:ogc:def:crs:EPSG::32631}) with coordinates in its defined axis order, to
     * {@code targetEpsg} in x / y order.
     */
    public static PointTransform fromDefinedAxes(String sourceCrs, int targetEpsg) {
        return create(CRS.getHorizontalComponent(crs(sourceCrs)), xy(crs("EPSG:" + targetEpsg)));
    }

    private static PointTransform create(CoordinateReferenceSystem source, CoordinateReferenceSystem target) {
        try {
            return new PointTransform(CRS.findOperation(source, target, null).getMathTransform());
        } catch (FactoryException e) {
            throw new IllegalArgumentException("no transformation from " + source.getName() + " to " + target.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static CoordinateReferenceSystem crs(String code) {
        try {
            return CRS.forCode(code);
        } catch (FactoryException e) {
            throw new IllegalArgumentException("unknown CRS " + code + ": " + e.getMessage(), e);
        }
    }

    private static CoordinateReferenceSystem xy(CoordinateReferenceSystem crs) {
        return AbstractCRS.castOrCopy(CRS.getHorizontalComponent(crs)).forConvention(AxesConvention.DISPLAY_ORIENTED);
    }

    /** Transforms {@code count} interleaved (x, y) pairs of {@code points} in place. */
    public void transform(double[] points, int count) {
        try {
            transform.transform(points, 0, points, 0, count);
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform the points: " + e.getMessage(), e);
        }
    }

    /** One point. */
    public double[] transform(double x, double y) {
        double[] p = {x, y};
        transform(p, 1);
        return p;
    }
}
