package eu.candela.ows.style;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import static eu.candela.ows.style.SldElements.child;
import static eu.candela.ows.style.SldElements.childText;
import static eu.candela.ows.style.SldElements.children;

/**
 * Reads the SLD 1.0 RasterSymbolizer subset people use for coverages (ColorMap ramp / intervals /
 * values with opacity, ChannelSelection, ContrastEnhancement, Opacity) from a hardened parser.
 *
 * <p>The path followed is {@code StyledLayerDescriptor / (NamedLayer | UserLayer) / UserStyle /
 * FeatureTypeStyle / Rule / RasterSymbolizer}, first match wins. SLD 1.1 documents whose symbolizers
 * are in the Symbology Encoding 1.1 namespace are read too, for the same elements. GeoServer's
 * {@code VendorOption name="minValue"} / {@code "maxValue"} inside {@code Normalize} give the stretch
 * range; other vendor options are ignored. Unsupported contrast methods are refused rather than
 * silently drawn differently.
 */
public final class SldReader {
    /** Larger documents are refused before parsing: a raster style is a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;

    private SldReader() {}

    /**
     * Parses {@code sld} (UTF-8 or as declared) and returns the style of its first RasterSymbolizer.
     *
     * @throws StyleFormatException when the document is malformed, has a DTD or external entity,
     *                              is not SLD 1.0, or holds no RasterSymbolizer; the message names the element
     */
    public static RasterStyle read(byte[] sld) throws StyleFormatException {
        if (sld.length > MAX_BYTES) {
            throw new StyleFormatException("the SLD document has " + sld.length + " bytes, more than the limit of "
                    + MAX_BYTES);
        }
        Element root = parse(sld).getDocumentElement();
        if (!"StyledLayerDescriptor".equals(root.getLocalName()) || !SldElements.SLD.equals(root.getNamespaceURI())) {
            throw new StyleFormatException("the root element must be StyledLayerDescriptor in namespace "
                    + SldElements.SLD + ", got " + root.getLocalName() + " in namespace " + root.getNamespaceURI());
        }
        String version = SafeXml.attribute(root, "version");
        if (version != null && !version.equals("1.0.0") && !version.equals("1.1.0")) {
            throw new StyleFormatException("StyledLayerDescriptor version must be 1.0.0, got \"" + version + "\"");
        }
        for (Element layer : children(root, "NamedLayer", "UserLayer")) {
            for (Element userStyle : children(layer, "UserStyle")) {
                Optional<Element> symbolizer = firstRasterSymbolizer(userStyle);
                if (symbolizer.isPresent()) {
                    String name = childText(userStyle, "Name").or(() -> childText(layer, "Name")).orElse("style");
                    return RasterSymbolizerReader.read(symbolizer.get(), name, title(userStyle));
                }
            }
        }
        throw new StyleFormatException("no RasterSymbolizer found under NamedLayer or UserLayer / UserStyle / "
                + "FeatureTypeStyle / Rule");
    }

    private static Document parse(byte[] sld) throws StyleFormatException {
        try {
            return SafeXml.parse(new ByteArrayInputStream(sld));
        } catch (OwsException e) {
            throw new StyleFormatException(e.getMessage().replace("Could not parse the request", "Could not parse the SLD"), e);
        }
    }

    private static Optional<Element> firstRasterSymbolizer(Element userStyle) {
        for (Element featureTypeStyle : children(userStyle, "FeatureTypeStyle", "CoverageStyle")) {
            for (Element rule : children(featureTypeStyle, "Rule")) {
                Optional<Element> symbolizer = child(rule, "RasterSymbolizer");
                if (symbolizer.isPresent()) return symbolizer;
            }
        }
        return Optional.empty();
    }

    /** SLD 1.0 {@code UserStyle/Title}; SLD 1.1 moved it to {@code Description/Title}. */
    private static String title(Element userStyle) {
        return childText(userStyle, "Title")
                .or(() -> child(userStyle, "Description").flatMap(d -> childText(d, "Title")))
                .orElse("");
    }
}
