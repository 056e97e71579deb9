package eu.candela.ows.render;

/** Opaque maps: painted pixels laid over the background colour, as an image viewer would show them. */
final class Backgrounds {
    private Backgrounds() {}

    /** Replaces every pixel by its composite over opaque {@code rgb} (0xRRGGBB). */
    static void composite(int[] argb, int rgb) {
        int br = (rgb >>> 16) & 0xFF;
        int bg = (rgb >>> 8) & 0xFF;
        int bb = rgb & 0xFF;
        int opaqueBackground = 0xFF000000 | (rgb & 0xFFFFFF);
        for (int p = 0; p < argb.length; p++) {
            int c = argb[p];
            int a = c >>> 24;
            if (a == 0xFF) {
                continue;
            }
            if (a == 0) {
                argb[p] = opaqueBackground;
                continue;
            }
            int r = blend((c >>> 16) & 0xFF, br, a);
            int g = blend((c >>> 8) & 0xFF, bg, a);
            int b = blend(c & 0xFF, bb, a);
            argb[p] = 0xFF000000 | r << 16 | g << 8 | b;
        }
    }

    private static int blend(int over, int under, int alpha) {
        return (over * alpha + under * (255 - alpha) + 127) / 255;
    }
}
