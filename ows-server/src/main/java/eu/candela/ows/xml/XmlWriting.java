package eu.candela.ows.xml;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;

/** One place to create XML writers, so every document has the same declaration and encoding. */
public final class XmlWriting {
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlWriting() {}

    public static XMLStreamWriter start(OutputStream out) throws XMLStreamException {
        XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        return w;
    }

    public static void finish(XMLStreamWriter w) throws XMLStreamException {
        w.writeEndDocument();
        w.flush();
        w.close();
    }

    /** Writes {@code <qname>text</qname>} in the given namespace; a null namespace writes an unqualified element. */
    public static void element(XMLStreamWriter w, String ns, String localName, String text) throws XMLStreamException {
        if (ns == null) {
            w.writeStartElement(localName);
        } else {
            w.writeStartElement(ns, localName);
        }
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
