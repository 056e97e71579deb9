package eu.candela.ows.render;

import eu.candela.ows.style.ChannelSelection;
import eu.candela.ows.style.ColorMap;
import eu.candela.ows.style.ColorMapEntry;
import eu.candela.ows.style.ContrastEnhancement;
import eu.candela.ows.style.RasterStyle;
import eu.candela.ows.style.SelectedChannel;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a style's legend for WMS GetLegendGraphic and the capabilities' LegendURL: a vertical list
 * on white of one swatch and label per row.
 *
 * <ul>
 *   <li>colour map: one row per entry, labelled with the entry's label or its quantity; the swatch
 *       shows the entry's colour over white at its opacity (a fully transparent entry is an empty box);</li>
 *   <li>RGB: three rows, red, green and blue, naming their bands;</li>
 *   <li>grey: one bar four swatches tall from white (top) to black, labelled with the stretch's
 *       maximum and minimum when the style gives them, else "high" and "low".</li>
 * </ul>
 * The legend does not know the coverage, so a style with the default channel selection and no colour
 * map is drawn as grey even where the painter shows three bands as RGB.
 * Labels use the JDK fonts, or a built-in bitmap font when the server has none ({@link LegendText}).
 */
public final class LegendRenderer {
    static final int BACKGROUND = 0xFFFFFFFF;
    static final int BORDER = 0xFF808080;
    static final int PADDING = 4;
    static final int GAP = 2;
    static final int LABEL_SPACE = 6;
    private static final int GREY_BAR_SWATCHES = 4;

    private static final LegendText TEXT = LegendText.available();

    private LegendRenderer() {}

    /** The legend of {@code style}: a swatch and label per colour-map entry, or a grey/RGB bar; {@code width} x {@code height} per swatch. */
    public static MapImage render(RasterStyle style, int swatchWidth, int swatchHeight) {
        return render(style, swatchWidth, swatchHeight, TEXT);
    }

    static MapImage render(RasterStyle style, int swatchWidth, int swatchHeight, LegendText text) {
        if (swatchWidth < 1 || swatchHeight < 1) {
            throw new IllegalArgumentException("legend swatches must be at least 1x1, got " + swatchWidth + "x" + swatchHeight);
        }
        List<Row> rows = rows(style, swatchHeight);
        int rowHeight = Math.max(swatchHeight, text.height());
        int labelWidth = 0;
        int height = 2 * PADDING - GAP;
        for (Row row : rows) {
            labelWidth = Math.max(labelWidth, Math.max(text.width(row.topLabel), text.width(row.bottomLabel)));
            height += Math.max(rowHeight, row.height) + GAP;
        }
        int width = PADDING + swatchWidth + (labelWidth > 0 ? LABEL_SPACE + labelWidth : 0) + PADDING;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        fill(image, 0, 0, width, height, BACKGROUND);
        int y = PADDING;
        int labelX = PADDING + swatchWidth + LABEL_SPACE;
        for (Row row : rows) {
            int h = Math.max(rowHeight, row.height);
            int top = y + (h - row.height) / 2;
            row.paint(image, PADDING, top, swatchWidth);
            if (row.bottomLabel.isEmpty()) {
                text.draw(image, row.topLabel, labelX, y + (h - text.height()) / 2);
            } else {
                text.draw(image, row.topLabel, labelX, top);
                text.draw(image, row.bottomLabel, labelX, top + row.height - text.height());
            }
            y += h + GAP;
        }
        return new MapImage(width, height, image.getRGB(0, 0, width, height, null, 0, width));
    }

    private static List<Row> rows(RasterStyle style, int swatchHeight) {
        ChannelSelection channels = style.channels();
        List<Row> rows = new ArrayList<>();
        if (channels.isRgb()) {
            rows.add(Row.solid(0xFFFF0000, bandLabel("Red", channels.red()), swatchHeight));
            rows.add(Row.solid(0xFF00FF00, bandLabel("Green", channels.green()), swatchHeight));
            rows.add(Row.solid(0xFF0000FF, bandLabel("Blue", channels.blue()), swatchHeight));
        } else if (style.colorMap() != null) {
            for (ColorMapEntry entry : style.colorMap().entries()) {
                String label = entry.label().isEmpty() ? compact(entry.quantity()) : entry.label();
                rows.add(Row.solid(over(entry, style.opacity()), label, swatchHeight));
            }
        } else {
            ContrastEnhancement contrast = channels.gray() != null && channels.gray().contrast() != null
                    ? channels.gray().contrast() : style.contrast();
            String high = contrast.max() != null ? compact(contrast.max()) : "high";
            String low = contrast.min() != null ? compact(contrast.min()) : "low";
            rows.add(Row.greyBar(high, low, swatchHeight * GREY_BAR_SWATCHES));
        }
        return rows;
    }

    private static String bandLabel(String colour, SelectedChannel channel) {
        return colour + ": band " + channel.band();
    }

    /** The entry's colour as it shows on white: its opacity times the style's. */
    static int over(ColorMapEntry entry, double styleOpacity) {
        int alpha = (int) Math.round(255 * entry.opacity() * styleOpacity);
        return MapImageWriter.over(alpha << 24 | entry.rgb(), BACKGROUND & 0xFFFFFF);
    }

    /** A quantity in few characters: integers as such, others to 4 significant digits. */
    static String compact(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) return Long.toString((long) value);
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
        return Math.abs(value) >= 1e-4 && Math.abs(value) < 1e9 ? rounded.toPlainString() : rounded.toString();
    }

    private static void fill(BufferedImage image, int x, int y, int w, int h, int argb) {
        for (int row = y; row < y + h; row++) {
            for (int col = x; col < x + w; col++) image.setRGB(col, row, argb);
        }
    }

    /** One legend row: a swatch (solid or a grey bar) with one label, or two at its top and bottom. */
    private record Row(int color, boolean bar, int height, String topLabel, String bottomLabel) {
        static Row solid(int color, String label, int height) {
            return new Row(color, false, height, label, "");
        }

        static Row greyBar(String high, String low, int height) {
            return new Row(0, true, height, high, low);
        }

        void paint(BufferedImage image, int x, int y, int width) {
            for (int row = 0; row < height; row++) {
                int c = color;
                if (bar) {
                    int level = height == 1 ? 255 : (int) Math.round(255.0 * (height - 1 - row) / (height - 1));
                    c = 0xFF000000 | level << 16 | level << 8 | level;
                }
                for (int col = 0; col < width; col++) {
                    boolean edge = row == 0 || col == 0 || row == height - 1 || col == width - 1;
                    image.setRGB(x + col, y + row, edge && width > 2 && height > 2 ? BORDER : c);
                }
            }
        }
    }
}
