package eu.candela.ows.wmts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TileMatrixSetTest {
    private static final double WORLD = 20037508.3427892;

    @Test
    void googleLevelZeroIsOneTileCoveringTheMercatorWorld() {
        TileMatrix z0 = TileMatrixSets.GOOGLE_MAPS_COMPATIBLE.level(0);
        assertThat(z0.matrixWidth()).isEqualTo(1);
        assertThat(z0.matrixHeight()).isEqualTo(1);
        assertThat(z0.pixelSize()).isCloseTo(156543.03392804097, within(1e-6));
        assertThat(z0.tileBounds(0, 0)).containsExactly(new double[] {-WORLD, -WORLD, WORLD, WORLD}, within(1e-3));
    }

    @Test
    void googleLevelOneRowZeroColZeroIsTheNorthWestQuadrant() {
        double[] b = TileMatrixSets.GOOGLE_MAPS_COMPATIBLE.level(1).tileBounds(0, 0);
        assertThat(b).containsExactly(new double[] {-WORLD, 0, 0, WORLD}, within(1e-3));
    }

    @Test
    void googleScalesHalveAtEachLevel() {
        TileMatrixSet g = TileMatrixSets.GOOGLE_MAPS_COMPATIBLE;
        assertThat(g.level(18).scaleDenominator()).isCloseTo(559082264.0287178 / (1 << 18), within(1e-9));
        assertThat(g.level(18).matrixWidth()).isEqualTo(1 << 18);
        assertThat(g.levels()).hasSize(g.maxLevel() + 1);
    }

    @Test
    void crs84LevelZeroIsTwoTilesAndColumnOneIsTheEasternHemisphere() {
        TileMatrix z0 = TileMatrixSets.WORLD_CRS84_QUAD.level(0);
        assertThat(z0.matrixWidth()).isEqualTo(2);
        assertThat(z0.matrixHeight()).isEqualTo(1);
        assertThat(z0.pixelSize()).isCloseTo(180.0 / 256, within(1e-12));
        assertThat(z0.tileBounds(0, 1)).containsExactly(new double[] {0, -90, 180, 90}, within(1e-9));
        assertThat(z0.tileBounds(0, 0)).containsExactly(new double[] {-180, -90, 0, 90}, within(1e-9));
    }

    @Test
    void crs84LevelThreeTileHoldsAKnownPoint() {
        // Madrid (-3.70, 40.42): at level 3 tiles span 22.5 degrees
        TileMatrix z3 = TileMatrixSets.WORLD_CRS84_QUAD.level(3);
        assertThat(z3.tileSpan()).isCloseTo(22.5, within(1e-12));
        double[] b = z3.tileBounds(2, 7);
        assertThat(b).containsExactly(new double[] {-22.5, 22.5, 0, 45}, within(1e-9));
    }

    @Test
    void tileMatrixIdentifiersAcceptTheGeoServerPrefix() {
        TileMatrixSet g = TileMatrixSets.GOOGLE_MAPS_COMPATIBLE;
        assertThat(g.level("5")).hasValueSatisfying(m -> assertThat(m.matrixWidth()).isEqualTo(32));
        assertThat(g.level("GoogleMapsCompatible:5")).isPresent();
        assertThat(g.level("21")).isEmpty();
        assertThat(g.level("-1")).isEmpty();
        assertThat(g.level("EPSG:3857:5")).isEmpty();
        assertThat(g.level("")).isEmpty();
    }

    @Test
    void setsAreFoundByIdentifier() {
        assertThat(TileMatrixSets.byIdentifier("WorldCRS84Quad")).contains(TileMatrixSets.WORLD_CRS84_QUAD);
        assertThat(TileMatrixSets.byIdentifier("EPSG:4326")).isEmpty();
    }
}
