package eu.candela.ows.render;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapImageWriterTest {

    @Test
    void pngKeepsEveryPixelAndTransparency() throws IOException {
        MapImage image = noise(37, 23, 1, true);
        BufferedImage decoded = decode(image, OutputFormat.PNG);
        assertTrue(decoded.getColorModel().hasAlpha());
        assertPixelsEqual(image, decoded);
    }

    @Test
    void opaquePngIsWrittenWithoutAlphaChannel() throws IOException {
        MapImage image = noise(40, 30, 2, false);
        BufferedImage decoded = decode(image, OutputFormat.PNG);
        assertFalse(decoded.getColorModel().hasAlpha());
        assertPixelsEqual(image, decoded);
    }

    @Test
    void png8WithFewColoursIsLosslessAndKeepsTransparency() throws IOException {
        int[] colors = {0x00000000, 0xFFFF0000, 0x8000FF00, 0xFF0000FF, 0x40FFFFFF};
        MapImage image = fromPalette(64, 48, colors, 3);
        image.argb()[5] = 0x00123456;   // transparent with colour bits: still transparent
        BufferedImage decoded = decode(image, OutputFormat.PNG8);
        assertInstanceOf(IndexColorModel.class, decoded.getColorModel());
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int expected = image.pixel(x, y);
                int actual = decoded.getRGB(x, y);
                if ((expected >>> 24) == 0) assertEquals(0, actual >>> 24, "pixel " + x + "," + y);
                else assertEquals(expected, actual, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void png8WithExactly256OpaqueColoursIsLossless() throws IOException {
        int[] colors = new int[256];
        for (int i = 0; i < 256; i++) colors[i] = 0xFF000000 | i << 16 | (255 - i) << 8 | (i * 7 & 0xFF);
        MapImage image = fromPalette(32, 32, colors, 4);
        assertPixelsEqual(image, decode(image, OutputFormat.PNG8));
    }

    @Test
    void png8QuantisesManyColoursCloselyAndKeepsTransparentPixels() throws IOException {
        int w = 256;
        int h = 256;
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = x < 16 ? 0 : 0xFF000000 | x << 16 | y << 8 | ((x + y) / 2);   // smooth gradient
            }
        }
        MapImage image = new MapImage(w, h, argb);
        BufferedImage decoded = decode(image, OutputFormat.PNG8);
        Set<Integer> distinct = new HashSet<>();
        double squaredError = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int actual = decoded.getRGB(x, y);
                distinct.add(actual);
                if (x < 16) {
                    assertEquals(0, actual >>> 24, "transparent pixel " + x + "," + y);
                    continue;
                }
                assertEquals(255, actual >>> 24);
                int expected = argb[y * w + x];
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = ((expected >> shift) & 0xFF) - ((actual >> shift) & 0xFF);
                    squaredError += d * d;
                }
            }
        }
        assertTrue(distinct.size() <= 256);
        double rmsPerChannel = Math.sqrt(squaredError / (3.0 * (w - 16) * h));
        assertTrue(rmsPerChannel < 6, "RMS error per channel " + rmsPerChannel);
    }

    @Test
    void png8QuantisesSemiTransparentColours() throws IOException {
        MapImage image = noise(128, 128, 5, true);
        BufferedImage decoded = decode(image, OutputFormat.PNG8);
        double alphaError = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                alphaError += Math.abs((image.pixel(x, y) >>> 24) - (decoded.getRGB(x, y) >>> 24));
            }
        }
        assertTrue(alphaError / (128 * 128) < 16, "mean alpha error " + alphaError / (128 * 128));
    }

    @Test
    void jpegCompositesTransparencyOverBackground() throws IOException {
        int w = 64;
        int h = 64;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int x = i % w;
            argb[i] = x < 20 ? 0 : x < 40 ? 0x80FF0000 : 0xFF0000FF;   // transparent | half red | blue
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MapImageWriter.write(new MapImage(w, h, argb), OutputFormat.JPEG, 0x00FF00, out);
        assertEquals(0xFF, out.toByteArray()[0] & 0xFF);
        assertEquals(0xD8, out.toByteArray()[1] & 0xFF);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertColorNear(0x00FF00, decoded.getRGB(10, 32), 12);   // background
        assertColorNear(0x807F00, decoded.getRGB(30, 32), 12);   // half red over green
        assertColorNear(0x0000FF, decoded.getRGB(52, 32), 12);
    }

    @Test
    void compositingIsExactForTheEdgeCases() {
        assertEquals(0xFF123456, MapImageWriter.over(0x00FFFFFF, 0x123456));
        assertEquals(0xFFABCDEF, MapImageWriter.over(0xFFABCDEF, 0x123456));
        assertEquals(0xFF808080, MapImageWriter.over(0x80FFFFFF, 0x000000));
    }

    // --- helpers ---

    private static BufferedImage decode(MapImage image, OutputFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MapImageWriter.write(image, format, 0xFFFFFF, out);
        byte[] bytes = out.toByteArray();
        assertEquals(0x89, bytes[0] & 0xFF, "PNG signature");
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static void assertPixelsEqual(MapImage expected, BufferedImage actual) {
        assertEquals(expected.width(), actual.getWidth());
        assertEquals(expected.height(), actual.getHeight());
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                assertEquals(expected.pixel(x, y), actual.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    private static void assertColorNear(int expectedRgb, int actual, int tolerance) {
        for (int shift = 0; shift < 24; shift += 8) {
            int e = (expectedRgb >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance, String.format("expected ~%06X, got %06X", expectedRgb, actual & 0xFFFFFF));
        }
    }

    static MapImage noise(int w, int h, long seed, boolean withAlpha) {
        Random random = new Random(seed);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int a = withAlpha ? random.nextInt(256) : 255;
            argb[i] = a == 0 ? 0 : a << 24 | random.nextInt(1 << 24);
        }
        return new MapImage(w, h, argb);
    }

    private static MapImage fromPalette(int w, int h, int[] colors, long seed) {
        Random random = new Random(seed);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) argb[i] = colors[i < colors.length ? i : random.nextInt(colors.length)];
        return new MapImage(w, h, argb);
    }
}
