package eu.candela.ows.style;

import java.util.List;

/**
 * A {@link ColorMap} prepared for painting: entry quantities and colour components in flat arrays,
 * the style's opacity already folded into the entries' alpha, so a pixel costs a binary search over
 * the entries (a handful of comparisons) and, for ramps, one interpolation. No allocation per pixel.
 */
final class ColorMapLookup {
    /** Tolerance of {@link ColorMap.Type#VALUES} matching, relative to the quantity (absolute below 1). */
    static final double VALUE_TOLERANCE = 1e-6;

    private final ColorMap.Type type;
    private final double[] quantities;
    private final float[] alpha;
    private final float[] red;
    private final float[] green;
    private final float[] blue;
    /** Each entry's colour as packed ARGB, with zero for fully transparent. */
    private final int[] argb;

    ColorMapLookup(ColorMap map, double styleOpacity) {
        List<ColorMapEntry> entries = map.entries();
        int n = entries.size();
        type = map.type();
        quantities = new double[n];
        alpha = new float[n];
        red = new float[n];
        green = new float[n];
        blue = new float[n];
        argb = new int[n];
        for (int i = 0; i < n; i++) {
            ColorMapEntry e = entries.get(i);
            quantities[i] = e.quantity();
            alpha[i] = (float) (255 * e.opacity() * styleOpacity);
            red[i] = (e.rgb() >> 16) & 0xFF;
            green[i] = (e.rgb() >> 8) & 0xFF;
            blue[i] = e.rgb() & 0xFF;
            argb[i] = pack(alpha[i], red[i], green[i], blue[i]);
        }
    }

    /** The colour of a sample; 0 (transparent) for NaN and for values the map does not cover. */
    int color(float sample) {
        if (sample != sample) return 0;
        return switch (type) {
            case RAMP -> ramp(sample);
            case INTERVALS -> interval(sample);
            case VALUES -> exact(sample);
        };
    }

    private int ramp(double v) {
        int n = quantities.length;
        if (v <= quantities[0]) return argb[0];
        if (v > quantities[n - 1]) return 0;
        int upper = firstAtLeast(v);
        if (quantities[upper] == v) return argb[upper];
        int lower = upper - 1;
        float t = (float) ((v - quantities[lower]) / (quantities[upper] - quantities[lower]));
        return pack(lerp(alpha, lower, t), lerp(red, lower, t), lerp(green, lower, t), lerp(blue, lower, t));
    }

    private int interval(double v) {
        int i = firstAbove(v);
        return i < quantities.length ? argb[i] : 0;
    }

    private int exact(double v) {
        int i = firstAtLeast(v);
        if (i < quantities.length && matches(quantities[i], v)) return argb[i];
        if (i > 0 && matches(quantities[i - 1], v)) return argb[i - 1];
        return 0;
    }

    private static boolean matches(double quantity, double v) {
        return Math.abs(quantity - v) <= VALUE_TOLERANCE * Math.max(1, Math.abs(quantity));
    }

    /** Index of the first quantity >= v, or the entry count. */
    private int firstAtLeast(double v) {
        int lo = 0;
        int hi = quantities.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (quantities[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Index of the first quantity > v, or the entry count. */
    private int firstAbove(double v) {
        int lo = 0;
        int hi = quantities.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (quantities[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static float lerp(float[] component, int lower, float t) {
        return component[lower] + t * (component[lower + 1] - component[lower]);
    }

    private static int pack(float a, float r, float g, float b) {
        int alpha = Math.round(a);
        if (alpha <= 0) return 0;
        return alpha << 24 | Math.round(r) << 16 | Math.round(g) << 8 | Math.round(b);
    }
}
