package eu.candela.eodata.internal.tiff;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * GDAL's private TIFF tags: GDAL_NODATA (42113, the nodata value as text) and GDAL_METADATA (42112, an
 * XML list of items, dataset-level or per band with {@code sample="n"}; {@code role="description"}
 * is the band description). GDAL escapes item values for XML twice (once itself, once when
 * serializing the document), so values are escaped twice here and unescaped once more after parsing.
 */
public final class GdalTags {
    private static final Logger LOG = LoggerFactory.getLogger(GdalTags.class);
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|quot|apos|amp|#x[0-9A-Fa-f]+|#[0-9]+);");

    /** What GDAL_METADATA holds that we use. */
    public record Metadata(Map<String, String> dataset, Map<Integer, String> bandDescriptions) {
        public static final Metadata EMPTY = new Metadata(Map.of(), Map.of());
    }

    private GdalTags() {
    }

    /** The nodata text GDAL writes: integers without a fraction, "nan" for NaN. */
    public static String formatNodata(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Parses GDAL_NODATA text as GDAL's CPLAtof would, or returns null when it is not a number. */
    public static Double parseNodata(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "-nan", "1.#qnan", "-1.#ind" -> { return Double.NaN; }
            case "inf", "+inf", "infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            LOG.warn("ignoring unparsable GDAL_NODATA value '{}'", printable(text));
            return null;
        }
    }

    /** The GDAL_METADATA XML for dataset items and band descriptions, or null when there is nothing to write. */
    public static String formatMetadata(Map<String, String> dataset, List<String> bandDescriptions) {
        if (dataset.isEmpty() && bandDescriptions.stream().allMatch(String::isEmpty)) {
            return null;
        }
        StringBuilder xml = new StringBuilder("<GDALMetadata>\n");
        dataset.forEach((k, v) -> xml.append("  <Item name=\"").append(escape(k)).append("\">").append(escape(escape(v))).append("</Item>\n"));
        for (int b = 0; b < bandDescriptions.size(); b++) {
            if (!bandDescriptions.get(b).isEmpty()) {
                xml.append("  <Item name=\"DESCRIPTION\" sample=\"").append(b).append("\" role=\"description\">")
                        .append(escape(escape(bandDescriptions.get(b)))).append("</Item>\n");
            }
        }
        return xml.append("</GDALMetadata>\n").toString();
    }

    /**
     * Parses GDAL_METADATA. Like GDAL, a malformed document only costs the metadata (logged), not
     * the pixels.
     */
    public static Metadata parseMetadata(String xml, String fileName) throws IOException {
        if (xml == null || xml.isBlank()) {
            return Metadata.EMPTY;
        }
        try {
            Element root = newBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            Map<String, String> dataset = new LinkedHashMap<>();
            Map<Integer, String> descriptions = new TreeMap<>();
            NodeList items = root.getElementsByTagName("Item");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                String domain = item.getAttribute("domain");
                if (!domain.isEmpty()) {
                    continue;
                }
                String sample = item.getAttribute("sample");
                if (sample.isEmpty()) {
                    if (item.getAttribute("name").isBlank()) {
                        continue; // an item without a key cannot be represented; GDAL skips it too
                    }
                    dataset.put(item.getAttribute("name"), unescape(item.getTextContent()));
                } else if ("description".equals(item.getAttribute("role"))) {
                    descriptions.put(Integer.parseInt(sample.trim()), unescape(item.getTextContent()));
                }
            }
            return new Metadata(Collections.unmodifiableMap(dataset), Map.copyOf(descriptions));
        } catch (SAXException | IllegalArgumentException e) {
            LOG.warn("{}: ignoring malformed GDAL_METADATA: {}", fileName, e.getMessage());
            return Metadata.EMPTY;
        }
    }

    /** At most 40 printable ASCII characters of untrusted text, for a log line. */
    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static DocumentBuilder newBuilder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // The XML comes from an untrusted file: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // ignored: only errors matter, and those are thrown
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("no secure XML parser available", e);
        }
    }

    /** Undoes GDAL's own escaping (CPLUnescapeString with CPLES_XML); "&amp;" last so it cannot create entities. */
    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        Matcher m = ENTITY.matcher(s);
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "amp" -> "&";
                default -> entity.startsWith("#x") ? Character.toString(Integer.parseInt(entity.substring(2), 16))
                        : Character.toString(Integer.parseInt(entity.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
