package eu.candela.ows.wps10;

import eu.candela.ows.xml.XmlWriting;
import eu.candela.wps.spi.ProcessDescriptor;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static eu.candela.ows.wps10.Wps10XmlParser.OWS;
import static eu.candela.ows.wps10.Wps10XmlParser.WPS;
import static eu.candela.ows.xml.XmlWriting.XLINK_NS;
import static eu.candela.ows.xml.XmlWriting.element;

/** Writes the WPS 1.0.0 Capabilities document (OGC 05-007r7 section 8). */
public final class Wps10CapabilitiesEncoder {
    private final ServiceMetadata service;

    public Wps10CapabilitiesEncoder(ServiceMetadata service) {
        this.service = service;
    }

    public byte[] encode(List<ProcessDescriptor> processes, String endpoint) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter w = XmlWriting.start(out);
            w.writeStartElement("wps", "Capabilities", WPS);
            Wps10Namespaces.declare(w, "http://schemas.opengis.net/wps/1.0.0/wpsGetCapabilities_response.xsd");
            w.writeAttribute("service", "WPS");
            w.writeAttribute("version", "1.0.0");
            w.writeAttribute("xml:lang", "en-US");

            w.writeStartElement(OWS, "ServiceIdentification");
            element(w, OWS, "Title", service.title());
            element(w, OWS, "Abstract", service.abstractText());
            w.writeStartElement(OWS, "Keywords");
            for (String k : service.keywords()) element(w, OWS, "Keyword", k);
            w.writeEndElement();
            element(w, OWS, "ServiceType", "WPS");
            element(w, OWS, "ServiceTypeVersion", "1.0.0");
            element(w, OWS, "Fees", "NONE");
            element(w, OWS, "AccessConstraints", "NONE");
            w.writeEndElement();

            w.writeStartElement(OWS, "ServiceProvider");
            element(w, OWS, "ProviderName", service.providerName());
            w.writeEmptyElement(OWS, "ProviderSite");
            w.writeAttribute(XLINK_NS, "href", service.providerSite());
            w.writeStartElement(OWS, "ServiceContact");
            element(w, OWS, "IndividualName", service.contactName());
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement(OWS, "OperationsMetadata");
            for (String op : List.of("GetCapabilities", "DescribeProcess", "Execute")) {
                w.writeStartElement(OWS, "Operation");
                w.writeAttribute("name", op);
                w.writeStartElement(OWS, "DCP");
                w.writeStartElement(OWS, "HTTP");
                w.writeEmptyElement(OWS, "Get");
                w.writeAttribute(XLINK_NS, "href", endpoint + "?");
                w.writeEmptyElement(OWS, "Post");
                w.writeAttribute(XLINK_NS, "href", endpoint);
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();

            w.writeStartElement(WPS, "ProcessOfferings");
            for (ProcessDescriptor p : processes) {
                w.writeStartElement(WPS, "Process");
                w.writeAttribute("wps", WPS, "processVersion", p.version());
                element(w, OWS, "Identifier", p.id());
                element(w, OWS, "Title", p.title());
                if (!p.description().isEmpty()) element(w, OWS, "Abstract", p.description());
                w.writeEndElement();
            }
            w.writeEndElement();

            w.writeStartElement(WPS, "Languages");
            w.writeStartElement(WPS, "Default");
            element(w, OWS, "Language", "en-US");
            w.writeEndElement();
            w.writeStartElement(WPS, "Supported");
            element(w, OWS, "Language", "en-US");
            w.writeEndElement();
            w.writeEndElement();

            w.writeEndElement();
            XmlWriting.finish(w);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write capabilities", e);
        }
        return out.toByteArray();
    }
}
