package eu.candela.ows.wms;

import eu.candela.ows.render.MapImage;

/**
 * Lays rendered layers over each other and over the background with the "source over" rule, on
 * non-premultiplied ARGB pixels as {@link MapImage} holds them.
 */
final class MapCompositor {
    private final int[] argb;
    private final int width;
    private final int height;

    /** Starts from a transparent canvas, or one filled with {@code background} (0xRRGGBB). */
    MapCompositor(int width, int height, boolean transparent, int background) {
        this.width = width;
        this.height = height;
        this.argb = new int[width * height];
        if (!transparent) java.util.Arrays.fill(argb, 0xFF000000 | background);
    }

    void over(MapImage layer) {
        if (layer.width() != width || layer.height() != height) {
            throw new IllegalArgumentException("layer is " + layer.width() + "x" + layer.height() + ", map is " + width + "x" + height);
        }
        int[] src = layer.argb();
        for (int i = 0; i < argb.length; i++) {
            argb[i] = over(src[i], argb[i]);
        }
    }

    MapImage image() {
        return new MapImage(width, height, argb.clone());
    }

    static int over(int src, int dst) {
        int sa = src >>> 24;
        if (sa == 255) return src;
        if (sa == 0) return dst;
        int da = dst >>> 24;
        // out alpha = sa + da (1 - sa), colours weighted accordingly (all in 0..255 fixed point)
        int outA255 = sa * 255 + da * (255 - sa);
        if (outA255 == 0) return 0;
        int r = channel(src >> 16, dst >> 16, sa, da, outA255);
        int g = channel(src >> 8, dst >> 8, sa, da, outA255);
        int b = channel(src, dst, sa, da, outA255);
        int outA = (outA255 + 127) / 255;
        return outA << 24 | r << 16 | g << 8 | b;
    }

    private static int channel(int s, int d, int sa, int da, int outA255) {
        int sc = s & 0xFF;
        int dc = d & 0xFF;
        long numerator = (long) sc * sa * 255 + (long) dc * da * (255 - sa);
        return (int) Math.min(255, (numerator + outA255 / 2) / outA255);
    }
}
