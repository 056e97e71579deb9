package eu.candela.ows.wms;

import eu.candela.ows.render.MapImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Source-over compositing of non-premultiplied ARGB, checked against the formula worked by hand. */
class MapCompositorTest {

    @Test
    void opaqueSourceReplacesAndTransparentSourceKeeps() {
        assertThat(MapCompositor.over(0xFF112233, 0xFFFFFFFF)).isEqualTo(0xFF112233);
        assertThat(MapCompositor.over(0x00112233, 0xFF445566)).isEqualTo(0xFF445566);
    }

    @Test
    void halfTransparentRedOverOpaqueBlueIsPurple() {
        int out = MapCompositor.over(0x80FF0000, 0xFF0000FF);
        assertThat(out >>> 24).isEqualTo(255);
        assertThat(out >> 16 & 0xFF).isBetween(127, 129);
        assertThat(out & 0xFF).isBetween(126, 128);
    }

    @Test
    void halfOverHalfGivesThreeQuartersAlpha() {
        int out = MapCompositor.over(0x80FF0000, 0x800000FF);
        assertThat(out >>> 24).isBetween(191, 193);
        // red weight 0.5 / 0.75 = 2/3 of 255
        assertThat(out >> 16 & 0xFF).isBetween(169, 171);
    }

    @Test
    void layersGoOverTheBackgroundInOrder() {
        MapCompositor canvas = new MapCompositor(2, 1, false, 0x00FF00);
        canvas.over(new MapImage(2, 1, new int[] {0xFFFF0000, 0}));
        canvas.over(new MapImage(2, 1, new int[] {0xFF0000FF, 0}));
        MapImage image = canvas.image();
        assertThat(image.pixel(0, 0)).isEqualTo(0xFF0000FF);
        assertThat(image.pixel(1, 0)).isEqualTo(0xFF00FF00);
    }
}
