package eu.candela.ows.render;

import eu.candela.ows.style.RasterStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static eu.candela.ows.render.GeneratedCoverages.OVERVIEWS;
import static eu.candela.ows.render.GeneratedCoverages.PIXEL;
import static eu.candela.ows.render.GeneratedCoverages.SIZE;
import static eu.candela.ows.render.GeneratedCoverages.X0;
import static eu.candela.ows.render.GeneratedCoverages.Y0;
import static org.assertj.core.api.Assertions.assertThat;

/** Maps read the overview level their scale needs, and only the tiles they touch, once. */
class CoverageMapRendererOverviewTest {
    static final RasterStyle GREY = TestStyles.GREY;
    static final MapExtent WHOLE = new MapExtent(X0, Y0 - SIZE * PIXEL, X0 + SIZE * PIXEL, Y0, GeneratedCoverages.EPSG);

    static Path coverage;

    @BeforeAll
    static void generate() throws Exception {
        coverage = GeneratedCoverages.sharedBig();
    }

    @Test
    void zoomedOutMapReadsOnlyTheSmallestOverview() throws Exception {
        try (CoverageMapRenderer renderer = new CoverageMapRenderer(64L << 20)) {
            renderer.sample(request(WHOLE, 256), new int[] {0});
            assertThat(renderer.tilesRead(coverage, OVERVIEWS)).isEqualTo(1);
            for (int level = 0; level < OVERVIEWS; level++) {
                assertThat(renderer.tilesRead(coverage, level)).as("tiles of level %d", level).isZero();
            }
        }
    }

    @Test
    void zoomedOutWebMercatorMapReadsOnlyTheSmallestOverview() throws Exception {
        try (CoverageMapRenderer renderer = new CoverageMapRenderer(64L << 20)) {
            double[] e = renderer.envelopeIn(coverage, 3857);
            renderer.sample(request(new MapExtent(e[0], e[1], e[2], e[3], 3857), 256), new int[] {0});
            assertThat(renderer.tilesRead(coverage, OVERVIEWS)).isEqualTo(1);
            for (int level = 0; level < OVERVIEWS; level++) {
                assertThat(renderer.tilesRead(coverage, level)).as("tiles of level %d", level).isZero();
            }
        }
    }

    /** Coarsest level whose pixels are no bigger than the map's: factor 2^level at most the ratio. */
    @ParameterizedTest
    @CsvSource({"2048, 0", "2047, 0", "1024, 1", "1500, 0", "700, 1", "512, 2", "300, 2", "256, 3", "64, 3"})
    void levelMatchesTheMapScale(int mapWidth, int expectedLevel) throws Exception {
        try (CoverageMapRenderer renderer = new CoverageMapRenderer(1L << 20)) {
            assertThat(renderer.levelFor(coverage, WHOLE, mapWidth, mapWidth)).isEqualTo(expectedLevel);
        }
    }

    @Test
    void warmCacheAndNeighbouringMapsReadNoMoreTiles() throws Exception {
        try (CoverageMapRenderer renderer = new CoverageMapRenderer(64L << 20)) {
            // Two 100 x 100 full-resolution maps side by side inside source tile (1, 1).
            MapExtent left = window(300, 300, 100);
            MapExtent right = window(400, 300, 100);
            renderer.sample(request(left, 100), new int[] {0});
            assertThat(renderer.tilesRead(coverage, 0)).isEqualTo(1);
            renderer.sample(request(left, 100), new int[] {0});
            renderer.sample(request(right, 100), new int[] {1});
            assertThat(renderer.tilesRead(coverage, 0)).isEqualTo(1);
        }
    }

    @Test
    void cacheSmallerThanAMapStillRendersItRight() throws Exception {
        float[][] roomy;
        try (CoverageMapRenderer renderer = new CoverageMapRenderer(64L << 20)) {
            roomy = renderer.sample(request(window(200, 200, 400), 400), new int[] {0, 1});
        }
        try (CoverageMapRenderer renderer = new CoverageMapRenderer(100_000)) {
            float[][] tight = renderer.sample(request(window(200, 200, 400), 400), new int[] {0, 1});
            assertThat(tight[0]).containsExactly(roomy[0]);
            assertThat(tight[1]).containsExactly(roomy[1]);
            renderer.sample(request(window(200, 200, 400), 400), new int[] {0});
            // 3 x 3 source tiles, each decoded once per map (a map keeps what it touched), none kept between maps.
            assertThat(renderer.tilesRead(coverage, 0)).as("nothing stays cached").isEqualTo(18);
        }
    }

    static MapExtent window(int column, int row, int size) {
        return new MapExtent(X0 + column * PIXEL, Y0 - (row + size) * PIXEL, X0 + (column + size) * PIXEL,
                Y0 - row * PIXEL, GeneratedCoverages.EPSG);
    }

    static MapRequest request(MapExtent extent, int size) {
        return new MapRequest(coverage, extent, size, size, GREY, Interpolation.NEAREST, true, 0);
    }
}
