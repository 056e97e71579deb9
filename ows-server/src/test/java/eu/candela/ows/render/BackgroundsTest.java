package eu.candela.ows.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundsTest {
    @Test
    void clearPixelsTakeTheBackgroundAndOpaqueOnesStay() {
        int[] argb = {0, 0xFF00FF00};
        Backgrounds.composite(argb, 0x123456);
        assertThat(argb).containsExactly(0xFF123456, 0xFF00FF00);
    }

    @Test
    void halfTransparentPixelsBlendOverTheBackground() {
        int[] argb = {0x80FF0000};
        Backgrounds.composite(argb, 0x0000FF);
        // 255 * 128 / 255 of red over 255 * 127 / 255 of blue, rounded.
        assertThat(argb[0]).isEqualTo(0xFF80007F);
    }
}
