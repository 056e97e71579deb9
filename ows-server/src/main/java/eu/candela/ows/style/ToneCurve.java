package eu.candela.ows.style;

import eu.candela.ows.render.BandSummary;

/**
 * One channel's contrast stretch from sample values to grey levels 0..255, as a lookup table over
 * the stretched range so painting a pixel costs a multiply, a clamp and an array read.
 *
 * <p>Where the range comes from:
 * <ul>
 *   <li>{@code Normalize}: the style's {@code minValue} / {@code maxValue} when given, else the band's
 *       2 % and 98 % cumulative-histogram cut, as QGIS's default "cumulative count cut" does, so a
 *       few outliers (hot pixels, clouds, sensor edges) do not squeeze everything else into a few greys;</li>
 *   <li>{@code Histogram}: equalisation with the band summary's cumulative histogram, interpolated
 *       linearly inside its bins;</li>
 *   <li>none: samples are grey levels as they are (clamped to 0..255) when the band's range fits in
 *       0..255 and exceeds 1 (8-bit imagery); otherwise (floats such as reflectance or probabilities in
 *       0..1, masks of 0 and 1, dB, UInt16 counts) the band's whole min..max is stretched, since the raw
 *       values would paint all black or all white.</li>
 * </ul>
 * {@code GammaValue} is applied after the stretch as {@code level = 255 * t^(1/gamma)}: as SLD says,
 * a value above 1 brightens and one below 1 dims.
 */
final class ToneCurve {
    /** Table size for stretches: fine enough that the table adds less than a grey level of error. */
    private static final int STEPS = 4096;

    private final float low;
    private final float scale;
    private final int last;
    private final byte[] levels;

    private ToneCurve(double low, double high, byte[] levels) {
        this.low = (float) low;
        this.last = levels.length - 1;
        double span = high > low ? high - low : Math.max(Math.ulp((float) low), Float.MIN_NORMAL);
        this.scale = (float) (last / span);
        this.levels = levels;
    }

    static ToneCurve of(ContrastEnhancement contrast, BandSummary band) {
        double gamma = contrast.gamma();
        return switch (contrast.method()) {
            case NORMALIZE -> {
                double low = contrast.min() != null ? contrast.min() : cumulativeCut(band, 0.02);
                double high = contrast.max() != null ? contrast.max() : cumulativeCut(band, 0.98);
                yield linear(low, high, gamma, STEPS);
            }
            case HISTOGRAM -> equalised(band, gamma);
            case NONE -> band.min() >= 0 && band.max() <= 255 && band.max() > 1
                    ? linear(0, 255, gamma, 256)
                    : linear(band.min(), band.max(), gamma, STEPS);
        };
    }

    /** The grey level of a sample that is not NaN. */
    int level(float sample) {
        int i = (int) ((sample - low) * scale + 0.5f);
        if (i < 0) i = 0;
        else if (i > last) i = last;
        return levels[i] & 0xFF;
    }

    private static ToneCurve linear(double low, double high, double gamma, int steps) {
        byte[] levels = new byte[steps];
        for (int i = 0; i < steps; i++) {
            levels[i] = toLevel((double) i / (steps - 1), gamma);
        }
        return new ToneCurve(low, high, levels);
    }

    private static ToneCurve equalised(BandSummary band, double gamma) {
        long[] counts = band.histogram();
        long[] below = new long[counts.length + 1];
        for (int b = 0; b < counts.length; b++) {
            below[b + 1] = below[b] + counts[b];
        }
        long total = below[counts.length];
        if (total == 0) {
            return linear(band.min(), band.max(), gamma, STEPS);
        }
        byte[] levels = new byte[STEPS];
        for (int i = 0; i < STEPS; i++) {
            double bins = (double) i / (STEPS - 1) * counts.length;
            int b = Math.min((int) bins, counts.length - 1);
            double cdf = (below[b] + (bins - b) * counts[b]) / total;
            levels[i] = toLevel(cdf, gamma);
        }
        return new ToneCurve(band.min(), band.max(), levels);
    }

    /** The value below which {@code fraction} of the band's samples lie, interpolated inside a histogram bin. */
    static double cumulativeCut(BandSummary band, double fraction) {
        long[] counts = band.histogram();
        long total = 0;
        for (long c : counts) total += c;
        if (total == 0 || band.max() == band.min()) {
            return fraction < 0.5 ? band.min() : band.max();
        }
        double binWidth = (band.max() - band.min()) / counts.length;
        double target = fraction * total;
        long cumulative = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0 && cumulative + counts[b] >= target) {
                double inBin = Math.max(0, (target - cumulative) / counts[b]);
                return band.min() + (b + inBin) * binWidth;
            }
            cumulative += counts[b];
        }
        return band.max();
    }

    private static byte toLevel(double t, double gamma) {
        double clamped = Math.min(1, Math.max(0, t));
        double corrected = gamma == 1 ? clamped : Math.pow(clamped, 1 / gamma);
        return (byte) Math.round(255 * corrected);
    }
}
