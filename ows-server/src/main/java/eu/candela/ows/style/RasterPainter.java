package eu.candela.ows.style;

import eu.candela.ows.render.BandSummary;

import java.util.List;

/**
 * Turns samples into colours under one {@link RasterStyle}: channel selection, contrast
 * enhancement (normalize with the band's range or the style's min / max, histogram equalisation,
 * gamma), colour map (ramp, intervals, values, with opacity) and the style's overall opacity.
 * Immutable and thread-safe: build one per (style, coverage) and share it.
 *
 * <p>Rules, in the order they apply:
 * <ul>
 *   <li>{@link ChannelSelection#DEFAULT} shows band 1 in grey when the coverage has fewer than three
 *       bands or the style has a colour map, else bands 1, 2, 3 as red, green, blue;</li>
 *   <li>a colour map colours the raw sample of the grey band (contrast enhancement is ignored, as in
 *       GeoServer); with an explicit RGB selection the colour map is not used;</li>
 *   <li>otherwise each channel is stretched by its own contrast enhancement, or the symbolizer's when
 *       it has none. {@code Normalize} without {@code minValue} / {@code maxValue} stretches the band's
 *       2 % to 98 % cumulative-histogram range (QGIS's default cumulative count cut), so a few outliers
 *       do not flatten the image; {@code Histogram} equalises with the band summary's histogram;
 *       {@code GammaValue} applies after the stretch (above 1 brightens). Without enhancement, samples
 *       are grey levels when the band's range fits in 0..255 (8-bit imagery), else the band's min..max
 *       is stretched, because raw floats (reflectance, probabilities, dB) or UInt16 counts would paint
 *       all black or all white. See {@link ToneCurve};</li>
 *   <li>NaN (no data) in any painted band gives a transparent pixel (0); the style's opacity
 *       multiplies every alpha.</li>
 * </ul>
 * All stretches and colours are prepared here as lookup tables; {@link #paint} allocates nothing.
 */
public final class RasterPainter {

    private final int[] sourceBands;
    private final PixelPainter painter;

    private RasterPainter(int[] sourceBands, PixelPainter painter) {
        this.sourceBands = sourceBands;
        this.painter = painter;
    }

    /**
     * The painter of {@code style} for a coverage of {@code bands.size()} bands.
     *
     * @param bands one summary per band of the coverage (for stretches without explicit min / max)
     * @throws IllegalArgumentException when the style selects a band the coverage does not have
     *                                  (the message names the band and the count)
     */
    public static RasterPainter of(RasterStyle style, List<BandSummary> bands) {
        ChannelSelection channels = resolve(style, bands.size());
        int alpha = Math.round((float) (255 * style.opacity()));
        if (channels.isRgb()) {
            SelectedChannel[] rgb = {channels.red(), channels.green(), channels.blue()};
            ToneCurve[] curves = new ToneCurve[3];
            int[] source = new int[3];
            for (int k = 0; k < 3; k++) {
                source[k] = checkedIndex(rgb[k], bands.size());
                curves[k] = ToneCurve.of(contrastOf(rgb[k], style), bands.get(source[k]));
            }
            return new RasterPainter(source, new RgbPainter(curves, alpha));
        }
        int grey = checkedIndex(channels.gray(), bands.size());
        if (style.colorMap() != null) {
            return new RasterPainter(new int[] {grey},
                    new ColorMapPainter(new ColorMapLookup(style.colorMap(), style.opacity())));
        }
        ToneCurve curve = ToneCurve.of(contrastOf(channels.gray(), style), bands.get(grey));
        return new RasterPainter(new int[] {grey}, new GreyPainter(curve, alpha));
    }

    /** The 0-based indexes of the coverage bands {@link #paint} expects, in that order (one for grey, three for RGB). */
    public int[] sourceBands() {
        return sourceBands.clone();
    }

    /**
     * Colours {@code count} pixels: {@code samples[k][i]} is pixel i of band {@code sourceBands()[k]};
     * NaN marks no data and paints transparent (0). Writes packed non-premultiplied 0xAARRGGBB
     * into {@code argb[offset + i]}.
     */
    public void paint(float[][] samples, int count, int[] argb, int offset) {
        if (samples.length < sourceBands.length) {
            throw new IllegalArgumentException("expected samples of " + sourceBands.length + " bands, got " + samples.length);
        }
        painter.paint(samples, count, argb, offset);
    }

    private static ChannelSelection resolve(RasterStyle style, int bandCount) {
        ChannelSelection channels = style.channels();
        if (!channels.isDefault()) return channels;
        return bandCount < 3 || style.colorMap() != null ? ChannelSelection.gray(1) : ChannelSelection.rgb(1, 2, 3);
    }

    private static int checkedIndex(SelectedChannel channel, int bandCount) {
        if (channel.band() > bandCount) {
            throw new IllegalArgumentException("the style selects band " + channel.band() + " but the coverage has "
                    + bandCount + (bandCount == 1 ? " band" : " bands"));
        }
        return channel.band() - 1;
    }

    private static ContrastEnhancement contrastOf(SelectedChannel channel, RasterStyle style) {
        return channel.contrast() != null ? channel.contrast() : style.contrast();
    }

    private interface PixelPainter {
        void paint(float[][] samples, int count, int[] argb, int offset);
    }

    private record GreyPainter(ToneCurve curve, int alpha) implements PixelPainter {
        @Override
        public void paint(float[][] samples, int count, int[] argb, int offset) {
            float[] band = samples[0];
            int a = alpha << 24;
            for (int i = 0; i < count; i++) {
                float v = band[i];
                if (v != v || alpha == 0) {
                    argb[offset + i] = 0;
                } else {
                    int g = curve.level(v);
                    argb[offset + i] = a | g << 16 | g << 8 | g;
                }
            }
        }
    }

    private record RgbPainter(ToneCurve[] curves, int alpha) implements PixelPainter {
        @Override
        public void paint(float[][] samples, int count, int[] argb, int offset) {
            float[] r = samples[0];
            float[] g = samples[1];
            float[] b = samples[2];
            ToneCurve cr = curves[0];
            ToneCurve cg = curves[1];
            ToneCurve cb = curves[2];
            int a = alpha << 24;
            for (int i = 0; i < count; i++) {
                float vr = r[i];
                float vg = g[i];
                float vb = b[i];
                if (vr != vr || vg != vg || vb != vb || alpha == 0) {
                    argb[offset + i] = 0;
                } else {
                    argb[offset + i] = a | cr.level(vr) << 16 | cg.level(vg) << 8 | cb.level(vb);
                }
            }
        }
    }

    private record ColorMapPainter(ColorMapLookup lookup) implements PixelPainter {
        @Override
        public void paint(float[][] samples, int count, int[] argb, int offset) {
            lookup.paint(samples[0], count, argb, offset);
        }
    }
}
