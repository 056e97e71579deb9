package eu.candela.ows.xml;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses request documents with every door to the outside closed: a DOCTYPE is refused outright,
 * so no external entity (XXE) is fetched and no entity expansion bomb is expanded, and nesting
 * deeper than {@link #MAX_DEPTH} is refused.
 */
public final class SafeXml {
    public static final int MAX_DEPTH = 64;
    private static final String DEPTH_PROPERTY = "jdk.xml.maxElementDepth";

    private SafeXml() {}

    public static Document parse(InputStream in) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(in);
        } catch (SAXParseException e) {
            throw malformed(describe(e));
        } catch (SAXException e) {
            throw malformed(e.getMessage());
        } catch (IOException e) {
            throw malformed("the request body could not be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private static String describe(SAXParseException e) {
        String msg = e.getMessage() == null ? "not well-formed" : e.getMessage();
        if (msg.contains("DOCTYPE")) {
            return "DOCTYPE declarations are not allowed (no DTDs or entities)";
        }
        if (msg.contains(DEPTH_PROPERTY) || msg.contains("maxElementDepth")) {
            return "the document nests elements deeper than " + MAX_DEPTH + " levels";
        }
        return "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + msg;
    }

    private static OwsException malformed(String message) {
        return new OwsException(OwsExceptionCode.NoApplicableCode, null, "Could not parse the request: " + message, 400);
    }

    // --- small DOM navigation, namespace-aware ---

    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                result.add(e);
            }
        }
        return result;
    }

    public static Optional<Element> child(Element parent, String ns, String localName) {
        List<Element> c = children(parent, ns, localName);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    public static Optional<Element> firstElementChild(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The attribute value, or null when absent (DOM returns "" for absent attributes). */
    public static String attribute(Element e, String ns, String localName) {
        return e.hasAttributeNS(ns, localName) ? e.getAttributeNS(ns, localName) : null;
    }

    public static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
