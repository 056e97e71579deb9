package eu.candela.ows.style;

import eu.candela.ows.render.BandSummary;

import java.util.List;

/**
 * Turns samples into colours under one {@link RasterStyle}: channel selection, contrast
 * enhancement (normalize with the band's range or the style's min / max, histogram equalisation,
 * gamma), colour map (ramp, intervals, values, with opacity) and the style's overall opacity.
 * Immutable and thread-safe: build one per (style, coverage) and share it.
 */
public final class RasterPainter {

    private RasterPainter() {}

    /**
     * The painter of {@code style} for a coverage of {@code bands.size()} bands.
     *
     * @param bands one summary per band of the coverage (for stretches without explicit min / max)
     * @throws IllegalArgumentException when the style selects a band the coverage does not have
     *                                  (the message names the band and the count)
     */
    public static RasterPainter of(RasterStyle style, List<BandSummary> bands) {
        throw new UnsupportedOperationException("implemented by the styling work");
    }

    /** The 0-based indexes of the coverage bands {@link #paint} expects, in that order (one for grey, three for RGB). */
    public int[] sourceBands() {
        throw new UnsupportedOperationException("implemented by the styling work");
    }

    /**
     * Colours {@code count} pixels: {@code samples[k][i]} is pixel i of band {@code sourceBands()[k]};
     * NaN marks no data and paints transparent (0). Writes packed non-premultiplied 0xAARRGGBB
     * into {@code argb[offset + i]}.
     */
    public void paint(float[][] samples, int count, int[] argb, int offset) {
        throw new UnsupportedOperationException("implemented by the styling work");
    }
}
