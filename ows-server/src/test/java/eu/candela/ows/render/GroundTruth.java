package eu.candela.ows.render;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/**
 * Where points go, computed point by point with Apache SIS directly (no grid, no interpolation,
 * no caches): what the renderer's approximations are checked against.
 */
final class GroundTruth {
    private GroundTruth() {}

    /** EPSG:{@code epsg} with the east axis first (longitude first for 4326). */
    static CoordinateReferenceSystem eastFirst(int epsg) throws Exception {
        if (epsg == 4326) {
            return CommonCRS.WGS84.normalizedGeographic();
        }
        return AbstractCRS.castOrCopy(CRS.forCode("EPSG:" + epsg)).forConvention(AxesConvention.DISPLAY_ORIENTED);
    }

    static MathTransform transform(int from, int to) throws Exception {
        return CRS.findOperation(eastFirst(from), eastFirst(to), null).getMathTransform();
    }

    static double[] apply(MathTransform transform, double x, double y) throws Exception {
        double[] point = {x, y};
        transform.transform(point, 0, point, 0, 1);
        return point;
    }

    /** Full-resolution (column, row) of a point in the big coverage's UTM coordinates. */
    static double[] bigPixelOf(double easting, double northing) {
        return new double[] {(easting - GeneratedCoverages.X0) / GeneratedCoverages.PIXEL,
            (GeneratedCoverages.Y0 - northing) / GeneratedCoverages.PIXEL};
    }
}
