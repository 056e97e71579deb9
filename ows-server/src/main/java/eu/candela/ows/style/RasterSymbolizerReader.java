package eu.candela.ows.style;

import eu.candela.ows.xml.SafeXml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static eu.candela.ows.style.SldElements.child;
import static eu.candela.ows.style.SldElements.childText;
import static eu.candela.ows.style.SldElements.children;
import static eu.candela.ows.style.SldElements.number;

/** Reads one SLD {@code RasterSymbolizer} element into a {@link RasterStyle}; messages name the element and value. */
final class RasterSymbolizerReader {
    private RasterSymbolizerReader() {}

    static RasterStyle read(Element symbolizer, String name, String title) throws StyleFormatException {
        double opacity = 1;
        Optional<String> opacityText = childText(symbolizer, "Opacity");
        if (opacityText.isPresent()) {
            opacity = number("Opacity", opacityText.get());
            if (opacity < 0 || opacity > 1) {
                throw new StyleFormatException("Opacity must be between 0 and 1, got \"" + opacityText.get() + "\"");
            }
        }
        ChannelSelection channels = ChannelSelection.DEFAULT;
        Optional<Element> selection = child(symbolizer, "ChannelSelection");
        if (selection.isPresent()) channels = channels(selection.get());
        ColorMap colorMap = null;
        Optional<Element> map = child(symbolizer, "ColorMap");
        if (map.isPresent()) colorMap = colorMap(map.get());
        ContrastEnhancement contrast = ContrastEnhancement.NONE;
        Optional<Element> enhancement = child(symbolizer, "ContrastEnhancement");
        if (enhancement.isPresent()) contrast = contrast(enhancement.get());
        return new RasterStyle(name, title, channels, colorMap, contrast, opacity);
    }

    private static ChannelSelection channels(Element selection) throws StyleFormatException {
        SelectedChannel gray = channel(selection, "GrayChannel");
        SelectedChannel red = channel(selection, "RedChannel");
        SelectedChannel green = channel(selection, "GreenChannel");
        SelectedChannel blue = channel(selection, "BlueChannel");
        try {
            return new ChannelSelection(gray, red, green, blue);
        } catch (IllegalArgumentException e) {
            throw new StyleFormatException("ChannelSelection: " + e.getMessage());
        }
    }

    private static SelectedChannel channel(Element selection, String element) throws StyleFormatException {
        Optional<Element> channel = child(selection, element);
        if (channel.isEmpty()) return null;
        String source = childText(channel.get(), "SourceChannelName").orElseThrow(
                () -> new StyleFormatException(element + " needs a SourceChannelName"));
        int band;
        try {
            band = Integer.parseInt(source);
        } catch (NumberFormatException e) {
            band = 0;
        }
        if (band < 1) {
            throw new StyleFormatException(element + "/SourceChannelName must be a band number from 1, got \""
                    + source + "\"");
        }
        Optional<Element> enhancement = child(channel.get(), "ContrastEnhancement");
        return new SelectedChannel(band, enhancement.isPresent() ? contrast(enhancement.get()) : null);
    }

    private static ColorMap colorMap(Element map) throws StyleFormatException {
        String typeText = SafeXml.attribute(map, "type");
        ColorMap.Type type = ColorMap.Type.RAMP;
        if (typeText != null) {
            switch (typeText.trim().toLowerCase(Locale.ROOT)) {
                case "ramp" -> type = ColorMap.Type.RAMP;
                case "intervals" -> type = ColorMap.Type.INTERVALS;
                case "values" -> type = ColorMap.Type.VALUES;
                default -> throw new StyleFormatException(
                        "ColorMap type must be ramp, intervals or values, got \"" + typeText + "\"");
            }
        }
        List<ColorMapEntry> entries = new ArrayList<>();
        for (Element entry : children(map, "ColorMapEntry")) {
            ColorMapEntry e = entry(entry);
            if (!entries.isEmpty() && e.quantity() < entries.get(entries.size() - 1).quantity()) {
                throw new StyleFormatException("ColorMapEntry quantities must ascend: quantity \""
                        + entry.getAttribute("quantity") + "\" follows " + entries.get(entries.size() - 1).quantity());
            }
            entries.add(e);
        }
        if (entries.isEmpty()) {
            throw new StyleFormatException("ColorMap needs at least one ColorMapEntry");
        }
        return new ColorMap(type, entries);
    }

    private static ColorMapEntry entry(Element entry) throws StyleFormatException {
        String colorText = SafeXml.attribute(entry, "color");
        String quantityText = SafeXml.attribute(entry, "quantity");
        if (colorText == null) throw new StyleFormatException("ColorMapEntry needs a color attribute");
        if (quantityText == null) throw new StyleFormatException("ColorMapEntry needs a quantity attribute");
        int rgb = SldElements.color("ColorMapEntry color", colorText);
        double quantity = number("ColorMapEntry quantity", quantityText);
        double opacity = 1;
        String opacityText = SafeXml.attribute(entry, "opacity");
        if (opacityText != null) {
            opacity = number("ColorMapEntry opacity", opacityText);
            if (opacity < 0 || opacity > 1) {
                throw new StyleFormatException("ColorMapEntry opacity must be between 0 and 1, got \""
                        + opacityText + "\"");
            }
        }
        String label = SafeXml.attribute(entry, "label");
        return new ColorMapEntry(rgb, opacity, quantity, label == null ? "" : label.trim());
    }

    private static ContrastEnhancement contrast(Element enhancement) throws StyleFormatException {
        ContrastEnhancement.Method method = ContrastEnhancement.Method.NONE;
        Double min = null;
        Double max = null;
        double gamma = 1;
        for (Element part : children(enhancement, "Normalize", "Histogram", "GammaValue", "Logarithmic",
                "Exponential")) {
            switch (part.getLocalName()) {
                case "Normalize" -> {
                    method = ContrastEnhancement.Method.NORMALIZE;
                    for (Element option : children(part, "VendorOption")) {
                        String optionName = SafeXml.attribute(option, "name");
                        if ("minValue".equals(optionName)) min = number("Normalize VendorOption minValue", SldElements.text(option));
                        if ("maxValue".equals(optionName)) max = number("Normalize VendorOption maxValue", SldElements.text(option));
                    }
                }
                case "Histogram" -> method = ContrastEnhancement.Method.HISTOGRAM;
                case "GammaValue" -> {
                    String text = SldElements.text(part);
                    gamma = number("GammaValue", text);
                    if (!(gamma > 0)) {
                        throw new StyleFormatException("GammaValue must be positive, got \"" + text + "\"");
                    }
                }
                default -> throw new StyleFormatException("ContrastEnhancement method " + part.getLocalName()
                        + " is not supported; use Normalize, Histogram or GammaValue");
            }
        }
        try {
            return new ContrastEnhancement(method, gamma, min, max);
        } catch (IllegalArgumentException e) {
            throw new StyleFormatException("ContrastEnhancement: " + e.getMessage());
        }
    }
}
