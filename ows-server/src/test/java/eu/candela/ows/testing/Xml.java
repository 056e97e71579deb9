package eu.candela.ows.testing;

import eu.candela.ows.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Map;

/** XPath over response documents with the OGC prefixes bound. */
public final class Xml {
    private static final Map<String, String> NS = Map.of(
            "wps", "http://www.opengis.net/wps/1.0.0",
            "ows", "http://www.opengis.net/ows/1.1",
            "wms", "http://www.opengis.net/wms",
            "wmts", "http://www.opengis.net/wmts/1.0",
            "ogc", "http://www.opengis.net/ogc",
            "xlink", "http://www.w3.org/1999/xlink");

    private final Document doc;

    private Xml(Document doc) {
        this.doc = doc;
    }

    public static Xml of(byte[] xml) {
        return new Xml(SafeXml.parse(new ByteArrayInputStream(xml)));
    }

    public String text(String xpath) {
        return (String) evaluate(xpath, XPathConstants.STRING);
    }

    public int count(String xpath) {
        return ((Double) evaluate("count(" + xpath + ")", XPathConstants.NUMBER)).intValue();
    }

    public Element root() {
        return doc.getDocumentElement();
    }

    private Object evaluate(String xpath, javax.xml.namespace.QName type) {
        try {
            return xpath().evaluate(xpath, doc, type);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    private static javax.xml.xpath.XPath xpath() {
        var x = XPathFactory.newInstance().newXPath();
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
