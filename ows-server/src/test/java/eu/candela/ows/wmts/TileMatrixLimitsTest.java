package eu.candela.ows.wmts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TileMatrixLimitsTest {
    private static final TileMatrixSet CRS84 = TileMatrixSets.WORLD_CRS84_QUAD;
    private static final TileMatrixSet GOOGLE = TileMatrixSets.GOOGLE_MAPS_COMPATIBLE;

    @Test
    void wholeWorldCoversEveryTile() {
        TileMatrix z2 = CRS84.level(2);
        assertThat(z2.limits(new double[] {-180, -90, 180, 90}))
                .contains(new TileMatrixLimits("2", 0, 3, 0, 7));
    }

    @Test
    void smallBoxFallsInOneTile() {
        // around Madrid; at level 0 that is the western tile, at level 3 row 2 col 7
        double[] madrid = {-3.8, 40.3, -3.6, 40.5};
        assertThat(CRS84.level(0).limits(madrid)).contains(new TileMatrixLimits("0", 0, 0, 0, 0));
        assertThat(CRS84.level(3).limits(madrid)).contains(new TileMatrixLimits("3", 2, 2, 7, 7));
    }

    @Test
    void boxEndingOnATileEdgeDoesNotReachIntoTheNextTile() {
        assertThat(CRS84.level(0).limits(new double[] {-180, -90, 0, 90})).contains(new TileMatrixLimits("0", 0, 0, 0, 0));
        assertThat(CRS84.level(0).limits(new double[] {0, -90, 180, 90})).contains(new TileMatrixLimits("0", 0, 0, 1, 1));
    }

    @Test
    void boxStraddlingTheOriginSpansFourTilesAtLevelOne() {
        assertThat(GOOGLE.level(1).limits(new double[] {-1000, -1000, 1000, 1000}))
                .contains(new TileMatrixLimits("1", 0, 1, 0, 1));
    }

    @Test
    void boxOutsideTheMatrixHasNoTiles() {
        assertThat(CRS84.level(1).limits(new double[] {190, 10, 200, 20})).isEmpty();
    }

    @Test
    void boxPartlyOutsideIsClipped() {
        assertThat(CRS84.level(1).limits(new double[] {170, 80, 200, 100})).contains(new TileMatrixLimits("1", 0, 0, 3, 3));
    }

    @Test
    void limitsContainTheirCorners() {
        TileMatrixLimits l = new TileMatrixLimits("4", 2, 3, 5, 9);
        assertThat(l.contains(2, 5)).isTrue();
        assertThat(l.contains(3, 9)).isTrue();
        assertThat(l.contains(4, 9)).isFalse();
        assertThat(l.contains(2, 4)).isFalse();
    }
}
