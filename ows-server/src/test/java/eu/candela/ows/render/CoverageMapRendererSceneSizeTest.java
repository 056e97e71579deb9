package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.SampleType;
import eu.candela.ows.testing.TestCoverages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Sentinel-2 sized scene (10980 x 10980, 512 tiles, overviews down to 344 x 344): zoomed-out maps
 * read a few tiles of the matching overview, never the full resolution. The scene is sparse (one
 * tile written; the writer fills the rest), which keeps the test fast without changing the layout.
 */
class CoverageMapRendererSceneSizeTest {
    static final int SIZE = 10980;
    static final int LEVELS = 5;

    @TempDir
    static Path dir;
    static Path scene;
    static CoverageMapRenderer renderer;

    @BeforeAll
    static void generate() throws Exception {
        scene = TestCoverages.coverage(GridGeometry.northUp(SIZE, SIZE, 399_960, 5_000_040, 10, 32630))
                .type(SampleType.UINT16).tileSize(512)
                .samples((band, col, row) -> 1000)
                .onlyTiles(tile -> tile.x() == 0 && tile.y() == 0)
                .write(dir.resolve("scene.tif"));
        renderer = new CoverageMapRenderer(64L << 20);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    @Test
    void wholeSceneMapsReadOneTileOfTheSmallestOverview() throws Exception {
        assertThat(renderer.summary(scene).overviews()).isEqualTo(LEVELS);
        for (int epsg : new int[] {32630, 3857, 4326}) {
            renderer.evict(scene);
            double[] e = renderer.envelopeIn(scene, epsg);
            renderer.sample(request(new MapExtent(e[0], e[1], e[2], e[3], epsg), 256), new int[] {0});
            assertThat(renderer.tilesRead(scene, LEVELS)).as("EPSG:%d", epsg).isEqualTo(1);
            for (int level = 0; level < LEVELS; level++) {
                assertThat(renderer.tilesRead(scene, level)).as("EPSG:%d level %d", epsg, level).isZero();
            }
        }
    }

    @Test
    void largerMapReadsTheOverviewOfItsScale() throws Exception {
        renderer.evict(scene);
        double[] e = renderer.envelopeIn(scene, 32630);
        // 10980 / 1024 = 10.7 source pixels per map pixel: the factor-8 overview (1373 x 1373, 3 x 3 tiles).
        float[][] samples = renderer.sample(request(new MapExtent(e[0], e[1], e[2], e[3], 32630), 1024), new int[] {0});
        assertThat(renderer.tilesRead(scene, 3)).isEqualTo(9);
        for (int level = 0; level <= LEVELS; level++) {
            if (level != 3) {
                assertThat(renderer.tilesRead(scene, level)).as("level %d", level).isZero();
            }
        }
        // The written corner tile: 512 source pixels = 47 map pixels; the rest is the writer's 0 fill.
        assertThat(samples[0][10 * 1024 + 10]).isEqualTo(1000f);
        assertThat(samples[0][500 * 1024 + 500]).isEqualTo(0f);
    }

    private static MapRequest request(MapExtent extent, int size) {
        return new MapRequest(scene, extent, size, size, TestStyles.GREY, Interpolation.NEAREST, true, 0);
    }
}
