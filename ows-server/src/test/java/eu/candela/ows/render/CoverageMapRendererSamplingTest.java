package eu.candela.ows.render;

import eu.candela.ows.style.RasterStyle;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static eu.candela.ows.render.GeneratedCoverages.PIXEL;
import static eu.candela.ows.render.GeneratedCoverages.SMALL;
import static eu.candela.ows.render.GeneratedCoverages.X0;
import static eu.candela.ows.render.GeneratedCoverages.Y0;
import static org.assertj.core.api.Assertions.assertThat;

/** Nearest and bilinear samples, nodata and pixels outside the coverage, in the native CRS. */
class CoverageMapRendererSamplingTest extends RendererTestBase {
    static final RasterStyle GREY = TestStyles.GREY;

    @Test
    void bilinearHalfwayBetweenTwoPixelCentresIsTheirMean() throws Exception {
        // Source position (c + 1, r + 0.5): on the edge between pixels (c, r) and (c + 1, r), at their rows' centre.
        int c = 700, r = 900;
        float sample = sampleAt(big, c + 1.0, r + 0.5, Interpolation.BILINEAR);
        assertThat(sample).isEqualTo((GeneratedCoverages.id(c, r) + GeneratedCoverages.id(c + 1, r)) / 2);
    }

    @Test
    void bilinearAtAQuarterWeighsTheNeighbours() throws Exception {
        int c = 10, r = 20;
        float sample = sampleAt(big, c + 0.75, r + 1.0, Interpolation.BILINEAR);
        double expected = 0.75 * (0.5 * GeneratedCoverages.id(c, r) + 0.5 * GeneratedCoverages.id(c, r + 1))
                + 0.25 * (0.5 * GeneratedCoverages.id(c + 1, r) + 0.5 * GeneratedCoverages.id(c + 1, r + 1));
        assertThat((double) sample).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void nearestTakesThePixelUnderTheCentre() throws Exception {
        assertThat(sampleAt(big, 5.99, 7.01, Interpolation.NEAREST)).isEqualTo(GeneratedCoverages.id(5, 7));
    }

    @Test
    void bilinearLeavesOutNodataNeighbours() throws Exception {
        // Column 8 is nodata, row 8 NaN: near the corner of pixel (7, 7) only that pixel is valid.
        assertThat(sampleAt(small, 7.9, 7.9, Interpolation.BILINEAR)).isEqualTo(GeneratedCoverages.small(7, 7));
        // Between two valid pixels of one row, next to a nodata column: the valid pair's mean.
        assertThat(sampleAt(small, 6.0, 3.5, Interpolation.BILINEAR))
                .isEqualTo((GeneratedCoverages.small(5, 3) + GeneratedCoverages.small(6, 3)) / 2);
    }

    @Test
    void nodataAndNanPixelsSampleAsNan() throws Exception {
        for (Interpolation interpolation : Interpolation.values()) {
            assertThat(sampleAt(small, 8.5, 3.5, interpolation)).as("nodata, %s", interpolation).isNaN();
            assertThat(sampleAt(small, 8.1, 3.5, interpolation)).as("nodata near a valid pixel, %s", interpolation).isNaN();
            assertThat(sampleAt(small, 3.5, 16.5, interpolation)).as("NaN, %s", interpolation).isNaN();
        }
    }

    @Test
    void pixelsBeyondTheCoverageEdgeAreNan() throws Exception {
        // A 32 x 16 map whose left half lies west of the coverage.
        MapExtent extent = new MapExtent(X0 - 16 * PIXEL, Y0 - 20 * PIXEL, X0 + 16 * PIXEL, Y0 - 4 * PIXEL, GeneratedCoverages.EPSG);
        float[][] samples = renderer.sample(request(small, extent, 32, 16, Interpolation.BILINEAR), new int[] {0});
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 32; i++) {
                float sample = samples[0][j * 32 + i];
                if (i < 16) {
                    assertThat(sample).as("(%d, %d)", i, j).isNaN();
                } else if (i > 16) {
                    float expected = GeneratedCoverages.small(i - 16, j + 4);
                    if (!Float.isNaN(expected) && expected != (float) GeneratedCoverages.NODATA) {
                        assertThat(sample).as("(%d, %d)", i, j).isNotNaN();
                    }
                }
            }
        }
    }

    @Test
    void mapMissingTheCoverageReadsNothing() throws Exception {
        try (CoverageMapRenderer fresh = new CoverageMapRenderer(1L << 20)) {
            MapExtent far = new MapExtent(X0 + 1e5, Y0 + 1e5, X0 + 2e5, Y0 + 2e5, GeneratedCoverages.EPSG);
            float[][] samples = fresh.sample(request(small, far, 16, 16, Interpolation.NEAREST), new int[] {0});
            assertThat(samples[0]).containsOnly(Float.NaN);
            assertThat(fresh.tilesRead(small, 0)).isZero();
        }
    }

    @Test
    void mapOfBothHemispheresOnlyShowsTheCoverageWhereItIs() throws Exception {
        // A world map in EPSG:4326: UTM formulas would send far longitudes anywhere; only the real place may show data.
        MapExtent world = new MapExtent(-180, -90, 180, 90, 4326);
        float[][] samples = renderer.sample(request(small, world, 360, 180, Interpolation.NEAREST), new int[] {0});
        double[] bounds = renderer.envelopeIn(small, 4326);
        for (int j = 0; j < 180; j++) {
            for (int i = 0; i < 360; i++) {
                boolean near = i >= Math.floor(bounds[0] + 180) - 1 && i <= Math.ceil(bounds[2] + 180)
                        && 90 - j >= Math.floor(bounds[1]) - 1 && 89 - j <= Math.ceil(bounds[3]);
                if (!near) {
                    assertThat(samples[0][j * 360 + i]).as("(%d, %d)", i, j).isNaN();
                }
            }
        }
    }

    /** The sample of a 1 x 1 full-resolution native map centred on source position (column, row). */
    private static float sampleAt(Path coverage, double column, double row, Interpolation interpolation) throws Exception {
        double x = X0 + column * PIXEL;
        double y = Y0 - row * PIXEL;
        MapExtent extent = new MapExtent(x - PIXEL / 2, y - PIXEL / 2, x + PIXEL / 2, y + PIXEL / 2, GeneratedCoverages.EPSG);
        return renderer.sample(request(coverage, extent, 1, 1, interpolation), new int[] {0})[0][0];
    }

    private static MapRequest request(Path coverage, MapExtent extent, int width, int height, Interpolation interpolation) {
        return new MapRequest(coverage, extent, width, height, GREY, interpolation, true, 0);
    }
}
