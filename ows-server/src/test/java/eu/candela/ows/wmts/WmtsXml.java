package eu.candela.ows.wmts;

import eu.candela.ows.xml.SafeXml;
import org.w3c.dom.Document;

import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Map;

/** XPath over WMTS documents with the wmts, ows and xlink prefixes bound. */
final class WmtsXml {
    private static final Map<String, String> NS = Map.of(
            "wmts", WmtsCapabilitiesEncoder.WMTS_NS,
            "ows", WmtsCapabilitiesEncoder.OWS_NS,
            "xlink", "http://www.w3.org/1999/xlink");

    private final Document doc;

    private WmtsXml(Document doc) {
        this.doc = doc;
    }

    static WmtsXml of(byte[] xml) {
        return new WmtsXml(SafeXml.parse(new ByteArrayInputStream(xml)));
    }

    String text(String xpath) {
        return (String) evaluate(xpath, XPathConstants.STRING);
    }

    int count(String xpath) {
        return ((Double) evaluate("count(" + xpath + ")", XPathConstants.NUMBER)).intValue();
    }

    private Object evaluate(String expression, QName type) {
        try {
            return xpath().evaluate(expression, doc, type);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    private static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, "");
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return x;
    }
}
