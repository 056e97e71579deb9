package eu.candela.ows.render;

import eu.candela.ows.style.ChannelSelection;
import eu.candela.ows.style.RasterPainter;
import eu.candela.ows.style.RasterStyle;
import org.junit.jupiter.api.Test;

import static eu.candela.ows.render.GeneratedCoverages.PIXEL;
import static eu.candela.ows.render.GeneratedCoverages.X0;
import static eu.candela.ows.render.GeneratedCoverages.Y0;
import static org.assertj.core.api.Assertions.assertThat;

/** Rendered maps: the style's painter applied to the sampled bands, nodata and outside pixels clear or background. */
class CoverageMapRendererPaintingTest extends RendererTestBase {
    /** A 32 x 16 map of the nodata coverage whose left half lies west of it. */
    static final MapExtent HALF_OUTSIDE = new MapExtent(X0 - 16 * PIXEL, Y0 - 20 * PIXEL, X0 + 16 * PIXEL, Y0 - 4 * PIXEL,
            GeneratedCoverages.EPSG);

    @Test
    void mapIsThePainterAppliedToTheSelectedBand() throws Exception {
        RasterStyle secondBand = new RasterStyle("column", "", ChannelSelection.gray(2), null, null, 1);
        double[] e = renderer.envelopeIn(big, 3857);
        MapRequest request = new MapRequest(big, new MapExtent(e[0], e[1], e[2], e[3], 3857), 200, 150, secondBand,
                Interpolation.BILINEAR, true, 0);
        RasterPainter painter = RasterPainter.of(secondBand, renderer.summary(big).bands());
        assertThat(painter.sourceBands()).containsExactly(1);
        float[][] samples = renderer.sample(request, painter.sourceBands());
        int[] expected = new int[200 * 150];
        painter.paint(samples, expected.length, expected, 0);

        MapImage map = renderer.render(request);

        assertThat(map.width()).isEqualTo(200);
        assertThat(map.height()).isEqualTo(150);
        assertThat(map.argb()).containsExactly(expected);
        assertThat(java.util.Arrays.stream(map.argb()).distinct().count()).as("grey levels across the columns")
                .isGreaterThan(50);
    }

    @Test
    void transparentMapLeavesNodataAndOutsidePixelsClear() throws Exception {
        MapImage map = renderer.render(request(true, 0));
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 32; i++) {
                int alpha = map.pixel(i, j) >>> 24;
                if (valid(i, j)) {
                    assertThat(alpha).as("(%d, %d)", i, j).isEqualTo(255);
                } else {
                    assertThat(map.pixel(i, j)).as("(%d, %d)", i, j).isZero();
                }
            }
        }
    }

    @Test
    void opaqueMapPaintsNodataAndOutsidePixelsWithTheBackground() throws Exception {
        MapImage clear = renderer.render(request(true, 0));
        MapImage opaque = renderer.render(request(false, 0x123456));
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 32; i++) {
                int expected = valid(i, j) ? clear.pixel(i, j) : 0xFF123456;
                assertThat(opaque.pixel(i, j)).as("(%d, %d)", i, j).isEqualTo(expected);
            }
        }
    }

    /** Whether map pixel (i, j) of {@link #HALF_OUTSIDE} shows a valid sample of the nodata coverage. */
    private static boolean valid(int i, int j) {
        if (i < 16) {
            return false;
        }
        float value = GeneratedCoverages.small(i - 16, j + 4);
        return !Float.isNaN(value) && value != (float) GeneratedCoverages.NODATA;
    }

    private static MapRequest request(boolean transparent, int background) {
        return new MapRequest(small, HALF_OUTSIDE, 32, 16, TestStyles.GREY, Interpolation.NEAREST, transparent, background);
    }
}
