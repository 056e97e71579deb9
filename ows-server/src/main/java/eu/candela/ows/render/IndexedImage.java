package eu.candela.ows.render;

import java.util.Arrays;

/**
 * A map image reduced to at most 256 colours for 8-bit PNG: every fully transparent pixel shares
 * index 0 (alpha 0); the palette is exact when the image has few enough colours (classified maps,
 * masks, grey), otherwise it is built by median cut over the image's colours, alpha included, so
 * semi-transparent ramps keep their transparency. Colours are first reduced to 5 bits per
 * channel when there are very many of them, which bounds the work on photographic RGB maps.
 */
final class IndexedImage {
    private static final int MAX_EXACT_COLORS = 1 << 16;
    private static final int REDUCED_MASK = 0xF8F8F8F8;

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
            palette = MedianCut.palette(colors, counts, slots, first);
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
        int c = argb & mask;
        return c == 0 ? 1 : c;   // alpha below 8 and black, reduced: keep 0 for the fully transparent
    }

    /** Median cut over distinct colours weighted by pixel count. */
    private static final class MedianCut {
        private MedianCut() {}

        /**
         * Splits the colours into {@code slots} boxes, writes each box's weighted mean into the returned
         * palette from index {@code first}, and replaces each colour's count in {@code counts} by its index.
         */
        static int[] palette(int[] colors, ColorIndex counts, int slots, int first) {
            int[] start = new int[slots];
            int[] end = new int[slots];
            int[] widestRange = new int[slots];
            int[] widestChannel = new int[slots];
            end[0] = colors.length;
            measure(colors, 0, start, end, widestRange, widestChannel);
            int boxes = 1;
            while (boxes < slots) {
                int widest = 0;
                for (int b = 1; b < boxes; b++) {
                    if (widestRange[b] > widestRange[widest]) widest = b;
                }
                if (widestRange[widest] == 0) break;   // every box holds one colour
                int split = splitAtMedian(colors, counts, start[widest], end[widest], widestChannel[widest]);
                start[boxes] = split;
                end[boxes] = end[widest];
                end[widest] = split;
                measure(colors, widest, start, end, widestRange, widestChannel);
                measure(colors, boxes, start, end, widestRange, widestChannel);
                boxes++;
            }
            int[] palette = new int[first + boxes];
            for (int b = 0; b < boxes; b++) {
                palette[first + b] = mean(colors, counts, start[b], end[b]);
                for (int i = start[b]; i < end[b]; i++) counts.put(colors[i], first + b);
            }
            return palette;
        }

        /** Records box {@code b}'s widest channel and its range (0 for a single colour). */
        private static void measure(int[] colors, int b, int[] start, int[] end, int[] widestRange, int[] widestChannel) {
            widestRange[b] = 0;
            if (end[b] - start[b] < 2) return;
            for (int ch = 0; ch < 4; ch++) {
                int range = range(colors, start[b], end[b], ch);
                if (range > widestRange[b]) {
                    widestRange[b] = range;
                    widestChannel[b] = ch;
                }
            }
        }

        private static int range(int[] colors, int from, int to, int channel) {
            int shift = 24 - 8 * channel;
            int min = 255;
            int max = 0;
            for (int i = from; i < to; i++) {
                int v = (colors[i] >>> shift) & 0xFF;
                if (v < min) min = v;
                if (v > max) max = v;
            }
            return max - min;
        }

        /** Sorts the box by the channel and returns the first index of its upper half by pixel count. */
        private static int splitAtMedian(int[] colors, ColorIndex counts, int from, int to, int channel) {
            int shift = 24 - 8 * channel;
            long[] keys = new long[to - from];
            long total = 0;
            for (int i = from; i < to; i++) {
                keys[i - from] = ((long) ((colors[i] >>> shift) & 0xFF) << 32) | (colors[i] & 0xFFFFFFFFL);
                total += counts.get(colors[i]);
            }
            Arrays.sort(keys);
            long half = total / 2;
            long seen = 0;
            int split = from + 1;
            for (int i = 0; i < keys.length; i++) {
                colors[from + i] = (int) keys[i];
                seen += counts.get(colors[from + i]);
                if (seen <= half || i == 0) split = from + i + 1;
            }
            return Math.min(split, to - 1);
        }

        private static int mean(int[] colors, ColorIndex counts, int from, int to) {
            long a = 0;
            long r = 0;
            long g = 0;
            long b = 0;
            long n = 0;
            for (int i = from; i < to; i++) {
                int c = colors[i];
                long w = counts.get(c);
                a += w * (c >>> 24);
                r += w * ((c >> 16) & 0xFF);
                g += w * ((c >> 8) & 0xFF);
                b += w * (c & 0xFF);
                n += w;
            }
            return (int) ((a + n / 2) / n) << 24 | (int) ((r + n / 2) / n) << 16 | (int) ((g + n / 2) / n) << 8
                    | (int) ((b + n / 2) / n);
        }
    }
}
