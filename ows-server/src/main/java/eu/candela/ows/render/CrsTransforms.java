package eu.candela.ows.render;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * CRSs by EPSG code and the transforms between them, east axis first on both sides (GeoTIFF and
 * {@link MapExtent} order, so EPSG:4326 is longitude, latitude). Lookups go to the EPSG database and
 * the operation search is slow, so both are cached for the life of the renderer. Thread-safe.
 */
final class CrsTransforms {
    private record Pair(int from, int to) {}

    private final ConcurrentMap<Integer, CoordinateReferenceSystem> crsByCode = new ConcurrentHashMap<>();
    private final ConcurrentMap<Pair, MathTransform> transforms = new ConcurrentHashMap<>();

    /**
     * The horizontal part of EPSG:{@code epsg}, east axis first.
     *
     * @throws UnsupportedCrsException when the code is unknown
     */
    CoordinateReferenceSystem crs(int epsg) {
        CoordinateReferenceSystem crs = crsByCode.get(epsg);
        if (crs == null) {
            crs = lookUp(epsg);
            crsByCode.putIfAbsent(epsg, crs);
        }
        return crs;
    }

    /**
     * The transform from EPSG:{@code from} to EPSG:{@code to} coordinates, east axis first.
     *
     * @throws UnsupportedCrsException when either code is unknown or no operation joins them
     */
    MathTransform transform(int from, int to) {
        if (from == to) {
            return MathTransforms.identity(2); // a map in the coverage's own CRS needs no EPSG lookup at all
        }
        Pair key = new Pair(from, to);
        MathTransform transform = transforms.get(key);
        if (transform == null) {
            transform = find(from, to);
            transforms.putIfAbsent(key, transform);
        }
        return transform;
    }

    /**
     * Transforms {@code count} points in place; points that cannot be transformed become NaN instead of
     * failing the whole batch (a map may reach beyond a projection's domain).
     */
    static void transformInPlace(MathTransform transform, double[] points, int count) {
        if (transform.isIdentity() || count == 0) {
            return;
        }
        double[] source = Arrays.copyOf(points, 2 * count);
        try {
            transform.transform(source, 0, points, 0, count);
        } catch (TransformException batchFailed) {
            // The destination may be half written: redo it point by point, NaN where a point fails.
            for (int p = 0; p < count; p++) {
                try {
                    transform.transform(source, 2 * p, points, 2 * p, 1);
                } catch (TransformException pointFailed) {
                    points[2 * p] = Double.NaN;
                    points[2 * p + 1] = Double.NaN;
                }
            }
        }
    }

    private static CoordinateReferenceSystem lookUp(int epsg) {
        try {
            CoordinateReferenceSystem horizontal = CRS.getHorizontalComponent(CRS.forCode("EPSG:" + epsg));
            if (horizontal == null) {
                throw new UnsupportedCrsException(epsg, "EPSG:" + epsg + " has no horizontal component", null);
            }
            return AbstractCRS.castOrCopy(horizontal).forConvention(AxesConvention.DISPLAY_ORIENTED);
        } catch (FactoryException | RuntimeException e) {
            if (e instanceof UnsupportedCrsException u) {
                throw u;
            }
            throw new UnsupportedCrsException(epsg, "EPSG:" + epsg + " is not a CRS this server knows: " + e.getMessage(), e);
        }
    }

    private MathTransform find(int from, int to) {
        CoordinateReferenceSystem source = crs(from);
        CoordinateReferenceSystem target = crs(to);
        try {
            return CRS.findOperation(source, target, null).getMathTransform();
        } catch (FactoryException | RuntimeException e) {
            throw new UnsupportedCrsException(to, "no transform from EPSG:" + from + " to EPSG:" + to + ": " + e.getMessage(), e);
        }
    }
}
