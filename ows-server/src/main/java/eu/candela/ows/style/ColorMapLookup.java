package eu.candela.ows.style;

import java.util.List;

/**
 * A {@link ColorMap} prepared for painting: entry quantities and colour components in flat arrays,
 * the style's opacity folded into the entries' alpha, and a table that finds a sample's entry
 * without searching (see {@link EntryTable}). Painting a pixel then costs a table read and, for
 * ramps, one interpolation; nothing is allocated.
 */
final class ColorMapLookup {
    /** Tolerance of {@link ColorMap.Type#VALUES} matching, relative to the quantity (absolute below 1). */
    static final double VALUE_TOLERANCE = 1e-6;

    private final ColorMap.Type type;
    private final double[] quantities;
    /** Each entry's colour as packed ARGB, zero when fully transparent. */
    private final int[] argb;
    private final float[] alpha;
    private final float[] red;
    private final float[] green;
    private final float[] blue;
    /** 1 / (q[i+1] - q[i]) for the ramp segment starting at entry i. */
    private final double[] inverseSpan;
    private final EntryTable entries;

    ColorMapLookup(ColorMap map, double styleOpacity) {
        List<ColorMapEntry> list = map.entries();
        int n = list.size();
        type = map.type();
        quantities = new double[n];
        argb = new int[n];
        alpha = new float[n];
        red = new float[n];
        green = new float[n];
        blue = new float[n];
        inverseSpan = new double[n];
        for (int i = 0; i < n; i++) {
            ColorMapEntry e = list.get(i);
            quantities[i] = e.quantity();
            alpha[i] = (float) (255 * e.opacity() * styleOpacity);
            red[i] = (e.rgb() >> 16) & 0xFF;
            green[i] = (e.rgb() >> 8) & 0xFF;
            blue[i] = e.rgb() & 0xFF;
            argb[i] = pack(alpha[i], red[i], green[i], blue[i]);
        }
        for (int i = 0; i + 1 < n; i++) {
            double span = quantities[i + 1] - quantities[i];
            inverseSpan[i] = span > 0 ? 1 / span : 0;
        }
        entries = new EntryTable(quantities, type == ColorMap.Type.INTERVALS);
    }

    /** Colours {@code count} samples of {@code band} into {@code out[offset + i]}. */
    void paint(float[] band, int count, int[] out, int offset) {
        switch (type) {
            case RAMP -> { for (int i = 0; i < count; i++) out[offset + i] = ramp(band[i]); }
            case INTERVALS -> { for (int i = 0; i < count; i++) out[offset + i] = interval(band[i]); }
            case VALUES -> { for (int i = 0; i < count; i++) out[offset + i] = exact(band[i]); }
        }
    }

    /** The colour of one sample; 0 (transparent) for NaN and for values the map does not cover. */
    int color(float sample) {
        return switch (type) {
            case RAMP -> ramp(sample);
            case INTERVALS -> interval(sample);
            case VALUES -> exact(sample);
        };
    }

    private int ramp(float v) {
        if (v != v) return 0;
        int n = quantities.length;
        if (v <= quantities[0]) return argb[0];
        if (v > quantities[n - 1]) return 0;
        int upper = entries.find(v);          // first quantity >= v, so q[upper - 1] < v <= q[upper]
        if (quantities[upper] == v) return argb[upper];
        int lower = upper - 1;
        float t = (float) ((v - quantities[lower]) * inverseSpan[lower]);
        int a = (int) (alpha[lower] + t * (alpha[upper] - alpha[lower]) + 0.5f);
        if (a <= 0) return 0;
        int r = (int) (red[lower] + t * (red[upper] - red[lower]) + 0.5f);
        int g = (int) (green[lower] + t * (green[upper] - green[lower]) + 0.5f);
        int b = (int) (blue[lower] + t * (blue[upper] - blue[lower]) + 0.5f);
        return a << 24 | r << 16 | g << 8 | b;
    }

    private int interval(float v) {
        if (v != v) return 0;
        int i = entries.find(v);              // first quantity > v
        return i < quantities.length ? argb[i] : 0;
    }

    private int exact(float v) {
        if (v != v) return 0;
        int i = entries.find(v);              // first quantity >= v
        if (i < quantities.length && matches(quantities[i], v)) return argb[i];
        if (i > 0 && matches(quantities[i - 1], v)) return argb[i - 1];
        return 0;
    }

    private static boolean matches(double quantity, double v) {
        return Math.abs(quantity - v) <= VALUE_TOLERANCE * Math.max(1, Math.abs(quantity));
    }

    private static int pack(float a, float r, float g, float b) {
        int alpha = Math.round(a);
        if (alpha <= 0) return 0;
        return alpha << 24 | Math.round(r) << 16 | Math.round(g) << 8 | Math.round(b);
    }
}
