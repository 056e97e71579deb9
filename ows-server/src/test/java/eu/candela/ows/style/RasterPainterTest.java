package eu.candela.ows.style;

import eu.candela.ows.render.BandSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RasterPainterTest {

    private static final BandSummary BYTE_BAND = summaryOf(0, 255, new float[] {0, 255});

    // --- colour maps ---

    @Test
    void rampInterpolatesColourAndOpacityLinearly() {
        ColorMap ramp = new ColorMap(ColorMap.Type.RAMP, List.of(
                new ColorMapEntry(0x000000, 0.0, 0, ""),
                new ColorMapEntry(0xFF8040, 1.0, 100, "")));
        int[] out = paintGrey(style(ramp, 1), 0, 25, 50, 100);
        assertEquals(0, out[0], "opacity 0 at the first entry is transparent");
        assertEquals(argb(64, 64, 32, 16), out[1]);
        assertEquals(argb(128, 128, 64, 32), out[2]);
        assertEquals(argb(255, 255, 128, 64), out[3]);
    }

    @Test
    void rampTakesFirstColourBelowAndIsTransparentAbove() {
        ColorMap ramp = new ColorMap(ColorMap.Type.RAMP, List.of(
                new ColorMapEntry(0x0000FF, 1, 0, ""),
                new ColorMapEntry(0xFFFF00, 1, 0.5, ""),
                new ColorMapEntry(0xFF0000, 1, 1, "")));
        int[] out = paintGrey(style(ramp, 1), -3, 0.75f, 1, 1.01f);
        assertEquals(argb(255, 0, 0, 255), out[0]);
        assertEquals(argb(255, 255, 128, 0), out[1]);
        assertEquals(argb(255, 255, 0, 0), out[2]);
        assertEquals(0, out[3]);
    }

    @Test
    void intervalsTakeTheFirstEntryAboveTheValue() {
        ColorMap intervals = new ColorMap(ColorMap.Type.INTERVALS, List.of(
                new ColorMapEntry(0x110000, 1, 10, ""),
                new ColorMapEntry(0x002200, 1, 20, ""),
                new ColorMapEntry(0x000033, 1, 30, "")));
        int[] out = paintGrey(style(intervals, 1), 5, 10, 19.9f, 29, 30, 99);
        assertArrayEquals(new int[] {0xFF110000, 0xFF002200, 0xFF002200, 0xFF000033, 0, 0}, out);
    }

    @Test
    void valuesDrawOnlyExactMatches() {
        ColorMap values = new ColorMap(ColorMap.Type.VALUES, List.of(
                new ColorMapEntry(0x000000, 0, 0, ""),
                new ColorMapEntry(0xFF0000, 1, 1, "change"),
                new ColorMapEntry(0x00FF00, 1, 1000, "")));
        int[] out = paintGrey(style(values, 1), 0, 1, 1.5f, 2, 1000.0005f, 1000.01f);
        assertArrayEquals(new int[] {0, 0xFFFF0000, 0, 0, 0xFF00FF00, 0}, out);
    }

    @Test
    void colourMapTakesRawSamplesWhateverTheContrast() {
        ColorMap values = new ColorMap(ColorMap.Type.VALUES, List.of(new ColorMapEntry(0x00FF00, 1, 1000, "")));
        ContrastEnhancement stretch = new ContrastEnhancement(ContrastEnhancement.Method.NORMALIZE, 2, 0.0, 10.0);
        RasterStyle style = new RasterStyle("s", "", ChannelSelection.DEFAULT, values, stretch, 1);
        RasterPainter painter = RasterPainter.of(style, List.of(BYTE_BAND, BYTE_BAND, BYTE_BAND));
        assertArrayEquals(new int[] {0}, painter.sourceBands());
        assertArrayEquals(new int[] {0xFF00FF00, 0}, paint(painter, 1000, 10));
    }

    @Test
    void styleOpacityMultipliesEntryOpacity() {
        ColorMap values = new ColorMap(ColorMap.Type.VALUES, List.of(new ColorMapEntry(0xFF0000, 0.5, 1, "")));
        int[] out = paintGrey(style(values, 0.5), 1);
        assertEquals(64, out[0] >>> 24);
        assertEquals(0xFF0000, out[0] & 0xFFFFFF);
    }

    @Test
    void noDataIsTransparentWithAndWithoutColourMap() {
        ColorMap ramp = new ColorMap(ColorMap.Type.RAMP, List.of(new ColorMapEntry(0xFF0000, 1, 0, "")));
        assertEquals(0, paintGrey(style(ramp, 1), Float.NaN)[0]);
        assertEquals(0, paintGrey(grey(ContrastEnhancement.NONE), Float.NaN)[0]);
        RasterPainter rgb = RasterPainter.of(rgbStyle(ContrastEnhancement.NONE), List.of(BYTE_BAND, BYTE_BAND, BYTE_BAND));
        int[] out = new int[2];
        rgb.paint(new float[][] {{10, 10}, {20, Float.NaN}, {30, 30}}, 2, out, 0);
        assertArrayEquals(new int[] {0xFF0A141E, 0}, out);
    }

    // --- stretches ---

    @Test
    void byteSamplesWithoutEnhancementAreGreyLevels() {
        int[] out = paintGrey(grey(ContrastEnhancement.NONE), 0, 100, 255, 300, -5);
        assertArrayEquals(new int[] {grey(0), grey(100), grey(255), grey(255), grey(0)}, out);
    }

    @Test
    void floatSamplesWithoutEnhancementAreStretchedOverTheirRange() {
        BandSummary reflectance = summaryOf(0, 0.5, new float[] {0, 0.5f});
        RasterPainter painter = RasterPainter.of(grey(ContrastEnhancement.NONE), List.of(reflectance));
        int[] out = paint(painter, 0, 0.25f, 0.5f);
        assertEquals(0, level(out[0]));
        assertEquals(128, level(out[1]), 1);
        assertEquals(255, level(out[2]));
    }

    @Test
    void normalizeWithExplicitRangeIsLinear() {
        ContrastEnhancement ce = new ContrastEnhancement(ContrastEnhancement.Method.NORMALIZE, 1, 100.0, 200.0);
        int[] out = paintGrey(grey(ce), 50, 100, 150, 175, 200, 1e6f);
        int[] expected = {0, 0, 128, 191, 255, 255};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], level(out[i]), 1, "sample " + i);
        }
    }

    @Test
    void normalizeWithoutRangeCutsTwoAndNinetyEightPercent() {
        float[] samples = new float[1000];
        for (int i = 0; i < samples.length; i++) samples[i] = i;   // uniform 0..999
        samples[999] = 1e5f;                                         // one outlier must not matter
        BandSummary band = summaryOf(0, 1e5, samples);
        ContrastEnhancement ce = new ContrastEnhancement(ContrastEnhancement.Method.NORMALIZE, 1, null, null);
        double low = ToneCurve.cumulativeCut(band, 0.02);
        double high = ToneCurve.cumulativeCut(band, 0.98);
        // bins are 1e5/256 ≈ 391 wide: the cut is exact up to the linear interpolation inside a bin
        assertEquals(20, low, 1, "2 % cut");
        assertTrue(high > 900 && high < 1200, "98 % cut " + high + " ignores the outlier at 1e5");

        BandSummary even = summaryOf(0, 1000, evenly(0, 1000, 100_001));
        RasterPainter painter = RasterPainter.of(grey(ce), List.of(even));
        int[] out = paint(painter, 20, 500, 980);
        assertEquals(0, level(out[0]), 1);
        assertEquals(128, level(out[1]), 1);
        assertEquals(255, level(out[2]), 1);
    }

    @Test
    void histogramEqualisationFlattensASkewedDistribution() {
        Random random = new Random(42);
        float[] samples = new float[200_000];
        for (int i = 0; i < samples.length; i++) {
            double u = random.nextDouble();
            samples[i] = (float) (1000 * u * u);   // skewed: half the samples below 250
        }
        BandSummary band = summaryOf(0, 1000, samples);
        ContrastEnhancement ce = new ContrastEnhancement(ContrastEnhancement.Method.HISTOGRAM, 1, null, null);
        RasterPainter painter = RasterPainter.of(grey(ce), List.of(band));
        int[] out = new int[samples.length];
        painter.paint(new float[][] {samples}, samples.length, out, 0);
        int[] octiles = new int[8];
        for (int p : out) octiles[level(p) / 32]++;
        for (int q = 0; q < 8; q++) {
            double share = octiles[q] / (double) samples.length;
            assertEquals(0.125, share, 0.02, "share of grey levels " + (q * 32) + ".." + (q * 32 + 31));
        }
    }

    @Test
    void gammaAboveOneBrightens() {
        ContrastEnhancement ce = new ContrastEnhancement(ContrastEnhancement.Method.NORMALIZE, 2, 0.0, 100.0);
        int[] out = paintGrey(grey(ce), 0, 25, 100);
        assertEquals(0, level(out[0]));
        assertEquals(128, level(out[1]), 1);   // 255 * sqrt(0.25)
        assertEquals(255, level(out[2]));
    }

    @Test
    void channelContrastOverridesSymbolizerContrast() {
        ContrastEnhancement own = new ContrastEnhancement(ContrastEnhancement.Method.NORMALIZE, 1, 0.0, 10.0);
        ChannelSelection channels = new ChannelSelection(null, new SelectedChannel(1, own),
                new SelectedChannel(2, null), new SelectedChannel(3, null));
        RasterStyle style = new RasterStyle("s", "", channels, null, ContrastEnhancement.NONE, 1);
        RasterPainter painter = RasterPainter.of(style, List.of(BYTE_BAND, BYTE_BAND, BYTE_BAND));
        int[] out = new int[1];
        painter.paint(new float[][] {{5}, {5}, {5}}, 1, out, 0);
        assertEquals(128, (out[0] >> 16) & 0xFF, 1);
        assertEquals(5, (out[0] >> 8) & 0xFF);
        assertEquals(5, out[0] & 0xFF);
    }

    // --- channel selection ---

    @Test
    void defaultSelectionIsRgbForThreeBandsWithoutColourMap() {
        RasterPainter painter = RasterPainter.of(grey(ContrastEnhancement.NONE).withName("x"),
                List.of(BYTE_BAND, BYTE_BAND, BYTE_BAND, BYTE_BAND));
        RasterStyle defaults = new RasterStyle("d", "", ChannelSelection.DEFAULT, null, null, 1);
        assertArrayEquals(new int[] {0, 1, 2}, RasterPainter.of(defaults, List.of(BYTE_BAND, BYTE_BAND, BYTE_BAND)).sourceBands());
        assertArrayEquals(new int[] {0}, RasterPainter.of(defaults, List.of(BYTE_BAND, BYTE_BAND)).sourceBands());
        ColorMap map = new ColorMap(ColorMap.Type.RAMP, List.of(new ColorMapEntry(0, 1, 0, "")));
        RasterStyle mapped = new RasterStyle("m", "", ChannelSelection.DEFAULT, map, null, 1);
        assertArrayEquals(new int[] {0}, RasterPainter.of(mapped, List.of(BYTE_BAND, BYTE_BAND, BYTE_BAND)).sourceBands());
        assertArrayEquals(new int[] {0}, painter.sourceBands());
    }

    @Test
    void explicitSelectionPicksTheNamedBands() {
        RasterStyle style = new RasterStyle("s", "", ChannelSelection.rgb(4, 3, 2), null, null, 1);
        List<BandSummary> four = List.of(BYTE_BAND, BYTE_BAND, BYTE_BAND, BYTE_BAND);
        assertArrayEquals(new int[] {3, 2, 1}, RasterPainter.of(style, four).sourceBands());
    }

    @Test
    void selectingAMissingBandNamesBandAndCount() {
        RasterStyle style = new RasterStyle("s", "", ChannelSelection.gray(4), null, null, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RasterPainter.of(style, List.of(BYTE_BAND, BYTE_BAND)));
        assertTrue(e.getMessage().contains("band 4") && e.getMessage().contains("2 bands"), e.getMessage());
    }

    @Test
    void paintsATileQuickly() {
        ColorMap ramp = new ColorMap(ColorMap.Type.RAMP, List.of(
                new ColorMapEntry(0x0000FF, 0.2, 0, ""), new ColorMapEntry(0xFFFF00, 1, 0.5, ""),
                new ColorMapEntry(0xFF0000, 1, 1, "")));
        RasterPainter painter = RasterPainter.of(style(ramp, 1), List.of(BYTE_BAND));
        float[] samples = evenly(0, 1, 256 * 256);
        int[] out = new int[samples.length];
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 200; round++) {
            long start = System.nanoTime();
            painter.paint(new float[][] {samples}, samples.length, out, 0);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertTrue(best < 5_000_000, "a 256x256 tile took " + best / 1e6 + " ms");
    }

    // --- helpers ---

    private static RasterStyle style(ColorMap map, double opacity) {
        return new RasterStyle("s", "", ChannelSelection.gray(1), map, null, opacity);
    }

    private static RasterStyle grey(ContrastEnhancement ce) {
        return new RasterStyle("s", "", ChannelSelection.gray(1), null, ce, 1);
    }

    private static RasterStyle rgbStyle(ContrastEnhancement ce) {
        return new RasterStyle("s", "", ChannelSelection.rgb(1, 2, 3), null, ce, 1);
    }

    private static int[] paintGrey(RasterStyle style, float... samples) {
        return paint(RasterPainter.of(style, List.of(BYTE_BAND)), samples);
    }

    private static int[] paint(RasterPainter painter, float... samples) {
        int[] out = new int[samples.length + 2];
        painter.paint(new float[][] {samples}, samples.length, out, 2);
        return java.util.Arrays.copyOfRange(out, 2, out.length);
    }

    private static float[] evenly(double from, double to, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (from + (to - from) * i / (n - 1));
        return v;
    }

    /** A band summary computed from samples, as the renderer computes it from an overview. */
    static BandSummary summaryOf(double min, double max, float[] samples) {
        long[] histogram = new long[BandSummary.BINS];
        double width = (max - min) / BandSummary.BINS;
        for (float s : samples) {
            int b = width == 0 ? 0 : (int) ((s - min) / width);
            histogram[Math.max(0, Math.min(BandSummary.BINS - 1, b))]++;
        }
        return new BandSummary(min, max, histogram);
    }

    private static int argb(int a, int r, int g, int b) {
        return a << 24 | r << 16 | g << 8 | b;
    }

    private static int grey(int level) {
        return 0xFF000000 | level << 16 | level << 8 | level;
    }

    private static int level(int argb) {
        return argb & 0xFF;
    }
}
