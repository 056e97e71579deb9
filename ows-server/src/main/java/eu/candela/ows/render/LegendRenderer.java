package eu.candela.ows.render;

import eu.candela.ows.style.RasterStyle;

/** Draws a style's legend for WMS GetLegendGraphic and the capabilities' LegendURL. */
public final class LegendRenderer {
    private LegendRenderer() {}

    /** The legend of {@code style}: a swatch and label per colour-map entry, or a grey/RGB bar; {@code width} x {@code height} per swatch. */
    public static MapImage render(RasterStyle style, int swatchWidth, int swatchHeight) {
        throw new UnsupportedOperationException("implemented by the rendering work");
    }
}
