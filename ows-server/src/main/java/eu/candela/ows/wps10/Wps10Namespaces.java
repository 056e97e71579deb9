package eu.candela.ows.wps10;

import eu.candela.ows.xml.XmlWriting;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The namespace declarations every WPS 1.0.0 response root carries. */
final class Wps10Namespaces {
    private Wps10Namespaces() {}

    static void declare(XMLStreamWriter w, String schemaLocation) throws XMLStreamException {
        w.writeNamespace("wps", Wps10XmlParser.WPS);
        w.writeNamespace("ows", Wps10XmlParser.OWS);
        w.writeNamespace("xlink", XmlWriting.XLINK_NS);
        w.writeNamespace("xsi", XmlWriting.XSI_NS);
        w.writeAttribute("xsi", XmlWriting.XSI_NS, "schemaLocation", Wps10XmlParser.WPS + " " + schemaLocation);
    }
}
