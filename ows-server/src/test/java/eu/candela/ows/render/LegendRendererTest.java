package eu.candela.ows.render;

import eu.candela.ows.style.ChannelSelection;
import eu.candela.ows.style.ColorMap;
import eu.candela.ows.style.ColorMapEntry;
import eu.candela.ows.style.ContrastEnhancement;
import eu.candela.ows.style.RasterStyle;
import eu.candela.ows.style.SldReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegendRendererTest {

    private static final int W = 20;
    private static final int H = 16;

    @Test
    void heightGrowsWithEntries() {
        MapImage two = LegendRenderer.render(ramp(2), W, H);
        MapImage five = LegendRenderer.render(ramp(5), W, H);
        assertEquals(3 * (H + LegendRenderer.GAP), five.height() - two.height());
        assertTrue(two.width() > W + 2 * LegendRenderer.PADDING, "room for labels");
    }

    @Test
    void swatchesHaveTheEntryColoursInOrder() {
        RasterStyle style = style(new ColorMap(ColorMap.Type.VALUES, List.of(
                new ColorMapEntry(0xFF0000, 1, 1, "one"),
                new ColorMapEntry(0x00FF00, 1, 2, "two"),
                new ColorMapEntry(0x0000FF, 0.5, 3, "three"),
                new ColorMapEntry(0x000000, 0, 4, "none"))), 1);
        MapImage legend = LegendRenderer.render(style, W, H);
        assertEquals(0xFFFF0000, swatchCentre(legend, 0));
        assertEquals(0xFF00FF00, swatchCentre(legend, 1));
        assertEquals(0xFF7F7FFF, swatchCentre(legend, 2));   // alpha 128 blue over white
        assertEquals(0xFFFFFFFF, swatchCentre(legend, 3));   // transparent entry: empty box
        assertEquals(LegendRenderer.BORDER, legend.pixel(LegendRenderer.PADDING, LegendRenderer.PADDING));
    }

    @Test
    void styleOpacityLightensSwatches() {
        RasterStyle style = style(new ColorMap(ColorMap.Type.VALUES, List.of(new ColorMapEntry(0x000000, 1, 1, "x"))), 0.5);
        assertEquals(0xFF7F7F7F, swatchCentre(LegendRenderer.render(style, W, H), 0));   // alpha 128 black over white
    }

    @Test
    void labelsAreDrawnBesideTheSwatches() {
        MapImage legend = LegendRenderer.render(ramp(3), W, H);
        assertTrue(darkPixelsRightOfSwatches(legend) > 10, "label pixels");
    }

    @Test
    void bitmapFontDrawsLabelsWithoutFontFiles() {
        MapImage legend = LegendRenderer.render(ramp(3), W, H, new BitmapText());
        assertTrue(darkPixelsRightOfSwatches(legend) > 10, "label pixels");
        assertEquals(0xFFFF0000 & 0xFF000000, swatchCentre(legend, 0) & 0xFF000000);
    }

    @Test
    void bitmapFontGlyphsMatchTheirPattern() {
        BitmapText text = new BitmapText();
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        text.draw(image, "-1", 0, 0);
        for (int col = 0; col < 5; col++) assertEquals(LegendText.LABEL_COLOR, image.getRGB(col, 3), "minus bar");
        assertEquals(0, image.getRGB(0, 0));
        assertEquals(LegendText.LABEL_COLOR, image.getRGB(6 + 2, 0), "top of the 1");
        assertEquals(BitmapText.glyphOf('?'), BitmapText.glyphOf('\u20ac'));
        assertEquals(BitmapText.glyphOf('A'), BitmapText.glyphOf('a'));
        assertEquals(11, text.width("-1"));
    }

    @Test
    void rgbStyleShowsThreeChannelRows() {
        RasterStyle style = new RasterStyle("rgb", "", ChannelSelection.rgb(4, 3, 2), null, null, 1);
        MapImage legend = LegendRenderer.render(style, W, H);
        assertEquals(0xFFFF0000, swatchCentre(legend, 0));
        assertEquals(0xFF00FF00, swatchCentre(legend, 1));
        assertEquals(0xFF0000FF, swatchCentre(legend, 2));
    }

    @Test
    void greyStyleShowsABarFromWhiteToBlack() {
        ContrastEnhancement ce = new ContrastEnhancement(ContrastEnhancement.Method.NORMALIZE, 1, 0.0, 100.0);
        MapImage legend = LegendRenderer.render(new RasterStyle("g", "", ChannelSelection.gray(1), null, ce, 1), W, H);
        int x = LegendRenderer.PADDING + W / 2;
        int top = legend.pixel(x, LegendRenderer.PADDING + 1) & 0xFF;
        int bottom = legend.pixel(x, LegendRenderer.PADDING + 4 * H - 2) & 0xFF;
        assertTrue(top > 245 && bottom < 10, "top " + top + " bottom " + bottom);
    }

    @Test
    void defaultStylesRender() throws Exception {
        try (var files = Files.list(Path.of("../geoserver-data-dir/styles"))) {
            for (Path sld : files.toList()) {
                MapImage legend = LegendRenderer.render(SldReader.read(Files.readAllBytes(sld)), W, H);
                assertTrue(legend.width() > W && legend.height() > H, sld.toString());
            }
        }
    }

    @Test
    void refusesEmptySwatches() {
        assertThrows(IllegalArgumentException.class, () -> LegendRenderer.render(ramp(2), 0, 10));
    }

    @Test
    void theJdkFontsWorkOnThisServer() {
        assertInstanceOf(LegendText.AwtText.class, LegendText.available(),
                "fonts missing: legends fall back to the bitmap font");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "-25, -25", "0.5, 0.5", "0.00316228, 0.003162", "3.16228, 3.162", "1e12, 1E+12",
            "-0.000012345, -0.00001234"})
    void quantitiesAreFormattedCompactly(double value, String expected) {
        assertEquals(expected, LegendRenderer.compact(value));
    }

    // --- helpers ---

    private static int swatchCentre(MapImage legend, int row) {
        int rowHeight = H;   // font height is below the swatch height here
        return legend.pixel(LegendRenderer.PADDING + W / 2, LegendRenderer.PADDING + row * (rowHeight + LegendRenderer.GAP) + H / 2);
    }

    private static int darkPixelsRightOfSwatches(MapImage legend) {
        int dark = 0;
        for (int y = 0; y < legend.height(); y++) {
            for (int x = LegendRenderer.PADDING + W + 1; x < legend.width(); x++) {
                if ((legend.pixel(x, y) & 0xFF) < 128) dark++;
            }
        }
        return dark;
    }

    private static RasterStyle ramp(int entries) {
        List<ColorMapEntry> list = new ArrayList<>();
        for (int i = 0; i < entries; i++) list.add(new ColorMapEntry(0xFF0000 - i * 0x100000, 1, i * 0.25, ""));
        return style(new ColorMap(ColorMap.Type.RAMP, list), 1);
    }

    private static RasterStyle style(ColorMap map, double opacity) {
        return new RasterStyle("s", "", ChannelSelection.DEFAULT, map, null, opacity);
    }
}
