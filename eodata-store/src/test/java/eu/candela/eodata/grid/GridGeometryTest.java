package eu.candela.eodata.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;

class GridGeometryTest {
    private static final GridGeometry UTM = GridGeometry.northUp(1000, 500, 500000, 4600000, 10, 32630);

    @Test
    void rejectsAnEmptyGrid() {
        assertThatThrownBy(() -> GridGeometry.northUp(0, 5, 0, 0, 1, 4326)).hasMessageContaining("0x5");
    }

    @Test
    void rejectsADegenerateGeotransform() {
        assertThatThrownBy(() -> new GridGeometry(5, 5, new double[] {0, 1, 0, 0, 0, 0}, 4326)).hasMessageContaining("degenerate");
    }

    @Test
    void rejectsANonFiniteCoefficient() {
        assertThatThrownBy(() -> new GridGeometry(5, 5, new double[] {Double.NaN, 1, 0, 0, 0, -1}, 4326)).hasMessageContaining("finite");
    }

    @Test
    void rejectsAGeotransformOfTheWrongLength() {
        assertThatThrownBy(() -> new GridGeometry(5, 5, new double[] {0, 1, 0, 0, -1}, 4326)).hasMessageContaining("6 coefficients");
    }

    @Test
    void copiesTheGeotransformInAndOut() {
        double[] gt = {0, 1, 0, 0, 0, -1};
        GridGeometry grid = new GridGeometry(5, 5, gt, 4326);
        gt[0] = 99;
        grid.geoTransform()[0] = 99;
        assertThat(grid.geoTransform()[0]).isZero();
    }

    @Test
    void comparesByGeotransformValues() {
        GridGeometry same = GridGeometry.northUp(1000, 500, 500000, 4600000, 10, 32630);
        assertThat(same).isEqualTo(UTM).hasSameHashCodeAs(UTM);
        assertThat(same.withEpsg(32631)).isNotEqualTo(UTM);
        assertThat(UTM.toString()).contains("EPSG:32630", "500000.0");
    }

    @Test
    void computesTheEnvelopeFromTheOuterCorners() {
        assertThat(UTM.envelope()).containsExactly(500000, 4595000, 510000, 4600000);
    }

    @Test
    void mapsPixelsToMapAndBack() {
        GridGeometry rotated = new GridGeometry(10, 10, new double[] {100, 8, 6, 200, 6, -8}, 32630);
        double[] map = rotated.pixelToMap(3.5, 7.25);
        assertThat(rotated.mapToPixel(map[0], map[1])).containsExactly(new double[] {3.5, 7.25}, within(1e-9));
        assertThat(rotated.pixelSizeX()).isEqualTo(10);
        assertThat(rotated.pixelSizeY()).isEqualTo(10);
    }

    @Test
    void cutsAWindowWithItsOwnOrigin() {
        GridGeometry window = UTM.window(100, 50, 20, 10);
        assertThat(window).isEqualTo(GridGeometry.northUp(20, 10, 501000, 4599500, 10, 32630));
    }

    @Test
    void rejectsAWindowOutsideTheGrid() {
        assertThatThrownBy(() -> UTM.window(990, 0, 20, 10)).hasMessageContaining("w=20").hasMessageContaining("1000x500");
    }

    @Test
    void downsamplesKeepingTheExtentLikeGdalOverviews() {
        GridGeometry overview = GridGeometry.northUp(157, 93, 0, 0, 10, 32630).downsampled(2);
        assertThat(overview.width()).isEqualTo(79);
        assertThat(overview.height()).isEqualTo(47);
        assertThat(overview.envelope()).containsExactly(new double[] {0, -930, 1570, 0}, within(1e-9));
        assertThat(overview.geoTransform()[1]).isEqualTo(1570.0 / 79);
    }

    @ParameterizedTest
    @ValueSource(ints = {32601, 32630, 32660, 32701, 32730, 32760, 3857})
    void resolvesProjectedCodesWithoutTheEpsgDatabase(int epsg) {
        assertThat(UTM.withEpsg(epsg).crs()).isInstanceOf(ProjectedCRS.class);
    }

    @Test
    void resolvesEpsg4326AsGeographic() {
        assertThat(GridGeometry.northUp(10, 10, -1, 45, 0.1, 4326).crs()).isInstanceOf(GeographicCRS.class);
    }

    @Test
    void explainsAnUnknownCode() {
        assertThatThrownBy(() -> UTM.withEpsg(999999).crs())
                .isInstanceOf(UnknownCrsException.class)
                .hasMessageContaining("EPSG:999999");
    }

    @Test
    void transformsUtmBoundsToLongitudeFirstWgs84() {
        // x = 500000 is the central meridian of zone 30, 3 degrees west.
        double[] bounds = UTM.wgs84Bounds();
        assertThat(bounds[0]).isCloseTo(-3.0, within(1e-9));
        assertThat(bounds[1]).isCloseTo(41.5, within(0.05));
        assertThat(bounds[2]).isGreaterThan(-3.0).isLessThan(-2.8);
        assertThat(bounds[3]).isGreaterThan(bounds[1]);
    }

    @Test
    void keepsEpsg4326BoundsInLongitudeLatitudeOrder() {
        GridGeometry wgs84 = GridGeometry.northUp(10, 20, -0.6, 44.9, 0.01, 4326);
        assertThat(wgs84.wgs84Bounds()).containsExactly(new double[] {-0.6, 44.7, -0.5, 44.9}, within(1e-9));
    }

    @Test
    void followsCurvedEdgesInWgs84Bounds() {
        // A wide UTM grid: its top edge bulges north between the corners.
        GridGeometry wide = GridGeometry.northUp(1000, 10, 200000, 6000000, 600, 32630);
        double cornerLatitude = 0;
        for (double[] corner : new double[][] {wide.pixelToMap(0, 0), wide.pixelToMap(1000, 0)}) {
            cornerLatitude = Math.max(cornerLatitude, new GridGeometry(1, 1, new double[] {corner[0], 1, 0, corner[1], 0, -1}, 32630)
                    .wgs84Bounds()[3]);
        }
        assertThat(wide.wgs84Bounds()[3]).isGreaterThan(cornerLatitude);
    }
}
