package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.operation.MathTransform;

import static org.assertj.core.api.Assertions.assertThat;

/** The approximate transform stays within its tolerance of per-pixel SIS transforms, or gives way to them. */
class SourceCoordinatesTest {
    /** A 600 km UTM grid of 10 m pixels: at this size the projection bends visibly within a map. */
    static final GridGeometry GRID = GridGeometry.northUp(60_000, 60_000, 200_000, 5_300_000, 10, 32630);

    @Test
    void interpolatedPositionsStayWithinTheTolerance() throws Exception {
        double tolerance = 0.25 * 64;
        SourceCoordinates coordinates = wgs84Map(tolerance);
        double worst = worstError(coordinates);
        assertThat(worst).isLessThanOrEqualTo(tolerance);
        assertThat(coordinates.exactPixels()).as("mostly interpolated").isLessThan(512 * 512 / 10);
    }

    @Test
    void cellsBeyondTheToleranceAreTransformedPixelByPixel() throws Exception {
        SourceCoordinates coordinates = wgs84Map(1e-6);
        double worst = worstError(coordinates);
        assertThat(worst).isLessThan(1e-6);
        assertThat(coordinates.exactPixels()).isGreaterThan(512 * 512 / 2);
    }

    /** A 512 x 512 EPSG:4326 map over the whole grid. */
    private static SourceCoordinates wgs84Map(double tolerance) throws Exception {
        double[] bounds = GRID.wgs84Bounds();
        MapExtent extent = new MapExtent(bounds[0], bounds[1], bounds[2], bounds[3], 4326);
        MathTransform toUtm = GroundTruth.transform(4326, 32630);
        return new SourceCoordinates(extent, 512, 512, toUtm, GRID, bounds, tolerance);
    }

    /** Largest distance, in full-resolution pixels, between the strips' positions and per-pixel transforms. */
    private static double worstError(SourceCoordinates coordinates) throws Exception {
        MathTransform toUtm = GroundTruth.transform(4326, 32630);
        double[] columns = new double[17 * 512];
        double[] rows = new double[17 * 512];
        double worst = 0;
        int pixels = 0;
        for (int s = 0; s < coordinates.stripCount(); s++) {
            coordinates.strip(s, columns, rows);
            for (int j = coordinates.stripStart(s); j < coordinates.stripEnd(s); j++) {
                for (int i = 0; i < 512; i++) {
                    double[] utm = GroundTruth.apply(toUtm, coordinates.mapX(i), coordinates.mapY(j));
                    double[] exact = GRID.mapToPixel(utm[0], utm[1]);
                    int k = (j - coordinates.stripStart(s)) * 512 + i;
                    worst = Math.max(worst, Math.max(Math.abs(columns[k] - exact[0]), Math.abs(rows[k] - exact[1])));
                    pixels++;
                }
            }
        }
        assertThat(pixels).isEqualTo(512 * 512);
        return worst;
    }
}
