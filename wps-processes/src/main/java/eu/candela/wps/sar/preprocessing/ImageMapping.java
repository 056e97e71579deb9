package eu.candela.wps.sar.preprocessing;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.grid.PointTransform;
import eu.candela.eodata.sentinel1.GeolocationGrid;
import eu.candela.eodata.sentinel1.ProductAnnotation;
import java.io.IOException;

/**
 * Inverse geocoding: for every pixel of a map window, the fractional (line, pixel) of the SAR image
 * it looks at. Exact on a lattice of map pixels (every {@value #LATTICE_STEP}th, and the window's
 * last row and column): map -> WGS 84 with Apache SIS, then the tie-point grid inverted by Newton
 * steps ({@link GeolocationGrid#imagePosition}); in between bilinear, which over 8 map pixels
 * departs from the exact mapping by far less than a pixel.
 *
 * <p>With a DEM, the height-aware correction of ground-range geometry: a point {@code dh} metres
 * above the height the tie points give there is imaged {@code dh / tan(incidence)} metres closer
 * to the sensor, so its pixel moves by that over the range pixel spacing towards near range (pixel
 * 0 in every GRD). Not corrected: the azimuth displacement (negligible for zero-Doppler GRDs),
 * layover and shadow (not masked), and the radiometric effect of slopes (no terrain flattening).
 */
final class ImageMapping {
    static final int LATTICE_STEP = 8;

    private final GeolocationGrid geolocation;
    private final double rangeSpacing;
    private final PointTransform toWgs84;
    private final DemHeights dem;

    ImageMapping(ProductAnnotation annotation, int mapEpsg, DemHeights dem) {
        this.geolocation = annotation.geolocation();
        this.rangeSpacing = annotation.rangePixelSpacing();
        this.toWgs84 = PointTransform.between(mapEpsg, 4326);
        this.dem = dem;
    }

    /** Image positions of the pixel centres of {@code window}: {lines, pixels}, row-major. */
    double[][] positions(GridGeometry window) throws IOException {
        int w = window.width();
        int h = window.height();
        int[] cols = latticeIndices(w);
        int[] rows = latticeIndices(h);
        int n = cols.length * rows.length;
        double[] points = new double[2 * n];
        int k = 0;
        for (int r : rows) {
            for (int c : cols) {
                double[] xy = window.pixelToMap(c + 0.5, r + 0.5);
                points[k++] = xy[0];
                points[k++] = xy[1];
            }
        }
        toWgs84.transform(points, n);
        double[] heights = dem == null ? null : dem.heights(points, n);
        double[] latticeLine = new double[n];
        double[] latticePixel = new double[n];
        for (int i = 0; i < n; i++) {
            double lon = points[2 * i];
            double lat = points[2 * i + 1];
            double[] lp = geolocation.imagePosition(lat, lon);
            if (heights != null && !Double.isNaN(heights[i])) {
                GeolocationGrid.Location at = geolocation.locate(lp[0], lp[1]);
                double dh = heights[i] - at.height();
                lp[1] -= dh / Math.tan(Math.toRadians(at.incidenceAngle())) / rangeSpacing;
            }
            latticeLine[i] = lp[0];
            latticePixel[i] = lp[1];
        }
        return new double[][] {densify(latticeLine, rows, cols, w, h), densify(latticePixel, rows, cols, w, h)};
    }

    private static int[] latticeIndices(int size) {
        int count = (size - 1) / LATTICE_STEP + 1 + ((size - 1) % LATTICE_STEP == 0 ? 0 : 1);
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = Math.min(size - 1, i * LATTICE_STEP);
        }
        return idx;
    }

    private static double[] densify(double[] lattice, int[] rows, int[] cols, int w, int h) {
        double[] out = new double[w * h];
        int nc = cols.length;
        for (int ri = 0; ri + 1 < Math.max(2, rows.length) ; ri++) {
            int r0 = rows[ri];
            int r1 = rows.length == 1 ? r0 : rows[ri + 1];
            for (int r = r0; r <= r1; r++) {
                double v = r1 == r0 ? 0 : (r - r0) / (double) (r1 - r0);
                for (int ci = 0; ci + 1 < Math.max(2, nc); ci++) {
                    int c0 = cols[ci];
                    int c1 = nc == 1 ? c0 : cols[ci + 1];
                    int i00 = ri * nc + ci;
                    int i01 = nc == 1 ? i00 : i00 + 1;
                    int i10 = rows.length == 1 ? i00 : i00 + nc;
                    int i11 = rows.length == 1 ? i01 : i01 + nc;
                    for (int c = c0; c <= c1; c++) {
                        double u = c1 == c0 ? 0 : (c - c0) / (double) (c1 - c0);
                        double top = lattice[i00] + u * (lattice[i01] - lattice[i00]);
                        double bottom = lattice[i10] + u * (lattice[i11] - lattice[i10]);
                        out[r * w + c] = top + v * (bottom - top);
                    }
                }
            }
        }
        return out;
    }
}
