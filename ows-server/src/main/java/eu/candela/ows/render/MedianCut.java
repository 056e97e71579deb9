package eu.candela.ows.render;

import java.util.Arrays;

/**
 * Median-cut palette: the colours (alpha included) are split, box by box, at the pixel-weighted
 * median of the box's widest channel until there are as many boxes as palette slots; each box
 * becomes the weighted mean of its colours.
 */
final class MedianCut {
    private MedianCut() {}

    /**
     * Builds a palette of at most {@code slots} colours from index {@code first} on (entries before it
     * are left 0 for the caller). Reorders {@code colors} and {@code weights} together and writes each
     * colour's palette index into {@code indexOf}, aligned with the reordered {@code colors}.
     */
    static int[] palette(int[] colors, int[] weights, int slots, int first, int[] indexOf) {
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
            int split = splitAtMedian(colors, weights, start[widest], end[widest], widestChannel[widest]);
            start[boxes] = split;
            end[boxes] = end[widest];
            end[widest] = split;
            measure(colors, widest, start, end, widestRange, widestChannel);
            measure(colors, boxes, start, end, widestRange, widestChannel);
            boxes++;
        }
        int[] palette = new int[first + boxes];
        for (int b = 0; b < boxes; b++) {
            palette[first + b] = mean(colors, weights, start[b], end[b]);
            Arrays.fill(indexOf, start[b], end[b], first + b);
        }
        return palette;
    }

    /** Records box {@code b}'s widest channel and its range (0 for a single colour). */
    private static void measure(int[] colors, int b, int[] start, int[] end, int[] widestRange, int[] widestChannel) {
        int[] min = {255, 255, 255, 255};
        int[] max = {0, 0, 0, 0};
        for (int i = start[b]; i < end[b]; i++) {
            int c = colors[i];
            for (int ch = 0; ch < 4; ch++) {
                int v = (c >>> (24 - 8 * ch)) & 0xFF;
                if (v < min[ch]) min[ch] = v;
                if (v > max[ch]) max[ch] = v;
            }
        }
        widestRange[b] = 0;
        for (int ch = 0; ch < 4; ch++) {
            if (max[ch] - min[ch] > widestRange[b]) {
                widestRange[b] = max[ch] - min[ch];
                widestChannel[b] = ch;
            }
        }
    }

    /** Sorts the box by the channel and returns the first index of its upper half by pixel count. */
    private static int splitAtMedian(int[] colors, int[] weights, int from, int to, int channel) {
        int shift = 24 - 8 * channel;
        int n = to - from;
        long[] keys = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) ((colors[from + i] >>> shift) & 0xFF) << 32) | i;
            total += weights[from + i];
        }
        Arrays.sort(keys);
        int[] sortedColors = new int[n];
        int[] sortedWeights = new int[n];
        for (int i = 0; i < n; i++) {
            int k = (int) keys[i];
            sortedColors[i] = colors[from + k];
            sortedWeights[i] = weights[from + k];
        }
        System.arraycopy(sortedColors, 0, colors, from, n);
        System.arraycopy(sortedWeights, 0, weights, from, n);
        long half = total / 2;
        long seen = weights[from];
        int split = from + 1;
        for (int i = from + 1; i < to - 1 && seen + weights[i] <= half; i++) {
            seen += weights[i];
            split = i + 1;
        }
        return split;
    }

    private static int mean(int[] colors, int[] weights, int from, int to) {
        long a = 0;
        long r = 0;
        long g = 0;
        long b = 0;
        long n = 0;
        for (int i = from; i < to; i++) {
            int c = colors[i];
            long w = weights[i];
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
