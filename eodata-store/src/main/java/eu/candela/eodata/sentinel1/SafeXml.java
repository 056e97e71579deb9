package eu.candela.eodata.sentinel1;

import eu.candela.eodata.internal.xml.HardenedXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Hardened DOM parsing of SAFE XML (no DTDs, no external entities or schemas, no XInclude) and the
 * few typed look-ups the metadata readers need, each failing with the file and element named.
 * Elements are matched by local name, so the readers do not depend on namespace prefixes.
 */
final class SafeXml {
    private final Path file;
    private final Element root;

    private SafeXml(Path file, Element root) {
        this.file = file;
        this.root = root;
    }

    static SafeXml parse(Path file) throws IOException {
        DocumentBuilder builder = newBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            return new SafeXml(file, builder.parse(in, file.toUri().toString()).getDocumentElement());
        } catch (NoSuchFileException e) {
            throw new SafeFormatException(file + ": the file listed in the product is missing", e);
        } catch (SAXException e) {
            throw new SafeFormatException(file + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder newBuilder() throws IOException {
        try {
            DocumentBuilder builder = HardenedXml.newFactory().newDocumentBuilder();
            // The default handler prints to stderr; the exception carries the message already.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("cannot configure a secure XML parser: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    Element root() {
        return root;
    }

    /** The root's local name, to tell a calibration file from an annotation. */
    String rootName() {
        return root.getLocalName();
    }

    /** Every element named {@code localName} below {@code from}, in document order. */
    static List<Element> all(Element from, String localName) {
        List<Element> found = new ArrayList<>();
        collect(from, localName, found);
        return found;
    }

    private static void collect(Element from, String localName, List<Element> found) {
        for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName())) {
                    found.add(e);
                }
                collect(e, localName, found);
            }
        }
    }

    /** Direct children of {@code parent} named {@code localName}. */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The first element named {@code localName} below {@code from}, or null. */
    static Element first(Element from, String localName) {
        for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName())) {
                    return e;
                }
                Element deeper = first(e, localName);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    Element required(Element from, String localName) throws SafeFormatException {
        Element e = first(from, localName);
        if (e == null) {
            throw new SafeFormatException(file + ": required element <" + localName + "> is missing");
        }
        return e;
    }

    String text(Element from, String localName) throws SafeFormatException {
        return required(from, localName).getTextContent().trim();
    }

    String optionalText(Element from, String localName) {
        Element e = first(from, localName);
        return e == null ? null : e.getTextContent().trim();
    }

    double number(Element from, String localName) throws SafeFormatException {
        return toDouble(text(from, localName), localName);
    }

    int integer(Element from, String localName) throws SafeFormatException {
        String text = text(from, localName);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SafeFormatException(file + ": <" + localName + "> is not an integer: '" + abbreviate(text) + "'");
        }
    }

    Instant time(Element from, String localName) throws SafeFormatException {
        return toTime(text(from, localName), localName);
    }

    /** ESA times have no zone and are UTC, some with a trailing Z. */
    Instant toTime(String text, String what) throws SafeFormatException {
        try {
            String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new SafeFormatException(file + ": <" + what + "> is not an ISO-8601 time: '" + abbreviate(text) + "'");
        }
    }

    double toDouble(String text, String what) throws SafeFormatException {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SafeFormatException(file + ": <" + what + "> is not a finite number: '" + abbreviate(text) + "'");
        }
    }

    /** A whitespace-separated list of numbers, checked against the element's {@code count} attribute when present. */
    double[] numbers(Element from, String localName) throws SafeFormatException {
        Element e = required(from, localName);
        String[] parts = e.getTextContent().trim().split("\\s+");
        double[] values = new double[parts.length == 1 && parts[0].isEmpty() ? 0 : parts.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = toDouble(parts[i], localName);
        }
        String count = e.getAttribute("count");
        if (!count.isEmpty() && !count.equals(Integer.toString(values.length))) {
            throw new SafeFormatException(file + ": <" + localName + "> declares count=" + count + " but holds "
                    + values.length + " values");
        }
        return values;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
