package eu.candela.ows.render;

/**
 * A map image reduced to at most 256 colours for 8-bit PNG: every fully transparent pixel shares
 * index 0 (alpha 0); the palette is exact when the image has few enough colours (classified maps,
 * masks, grey), otherwise it is built by median cut over the image's colours, alpha included, so
 * semi-transparent ramps keep their transparency. Colours are first reduced to 5 bits per
 * colour channel (alpha kept) when there are very many of them, which bounds the work on photographic RGB maps.
 */
final class IndexedImage {
    private static final int MAX_EXACT_COLORS = 1 << 14;
    /** Keeps alpha exact (opaque stays opaque) and 5 bits of each colour channel. */
    private static final int REDUCED_MASK = 0xFFF8F8F8;
    /** Moves a reduced colour to the middle of the values it stands for. */
    private static final int REDUCED_CENTRE = 0x00040404;

    /** Palette as 0xAARRGGBB, at most 256 entries. */
    final int[] palette;
    /** One palette index per pixel, row by row. */
    final byte[] indexes;

    private IndexedImage(int[] palette, byte[] indexes) {
        this.palette = palette;
        this.indexes = indexes;
    }

    static IndexedImage of(int[] argb) {
        boolean transparent = false;
        ColorIndex counts = new ColorIndex(MAX_EXACT_COLORS);
        int mask = -1;
        for (int p : argb) {
            int c = normalised(p, mask);
            if (c == 0) {
                transparent = true;
            } else if (!counts.add(c)) {
                mask = REDUCED_MASK;
                counts = countReduced(argb);
                transparent = hasTransparent(argb);
                break;
            }
        }
        int slots = transparent ? 255 : 256;
        int first = transparent ? 1 : 0;
        int[] colors = counts.colors();
        int[] palette;
        if (colors.length <= slots) {
            palette = new int[first + colors.length];
            for (int i = 0; i < colors.length; i++) {
                palette[first + i] = colors[i];
                counts.put(colors[i], first + i);
            }
        } else {
            int[] weights = new int[colors.length];
            for (int i = 0; i < colors.length; i++) weights[i] = counts.get(colors[i]);
            int[] indexOf = new int[colors.length];
            palette = MedianCut.palette(colors, weights, slots, first, indexOf);
            for (int i = 0; i < colors.length; i++) counts.put(colors[i], indexOf[i]);
        }
        byte[] indexes = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int c = normalised(argb[i], mask);
            indexes[i] = c == 0 ? 0 : (byte) counts.get(c);
        }
        return new IndexedImage(palette, indexes);
    }

    private static ColorIndex countReduced(int[] argb) {
        ColorIndex counts = new ColorIndex(Integer.MAX_VALUE);
        for (int p : argb) {
            int c = normalised(p, REDUCED_MASK);
            if (c != 0) counts.add(c);
        }
        return counts;
    }

    private static boolean hasTransparent(int[] argb) {
        for (int p : argb) {
            if ((p >>> 24) == 0) return true;
        }
        return false;
    }

    /** Fully transparent pixels become 0 whatever their colour bits; others keep the bits of {@code mask}. */
    private static int normalised(int argb, int mask) {
        if ((argb >>> 24) == 0) return 0;
        return mask == -1 ? argb : (argb & mask) | REDUCED_CENTRE;
    }
}
