package eu.candela.ows.wps10;

import eu.candela.ows.xml.XmlWriting;
import eu.candela.wps.spi.DataKind;
import eu.candela.wps.spi.Format;
import eu.candela.wps.spi.InputDescriptor;
import eu.candela.wps.spi.LiteralType;
import eu.candela.wps.spi.OutputDescriptor;
import eu.candela.wps.spi.ProcessDescriptor;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static eu.candela.ows.wps10.Wps10XmlParser.OWS;
import static eu.candela.ows.wps10.Wps10XmlParser.WPS;
import static eu.candela.ows.xml.XmlWriting.element;

/** Writes WPS 1.0.0 ProcessDescriptions (OGC 05-007r7 section 9) from process descriptors. */
public final class Wps10DescribeProcessEncoder {
    /** Largest complex input accepted, advertised as maximumMegabytes; the request body limit enforces it. */
    private final long maximumMegabytes;

    public Wps10DescribeProcessEncoder(long maximumMegabytes) {
        this.maximumMegabytes = maximumMegabytes;
    }

    public byte[] encode(List<ProcessDescriptor> processes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter w = XmlWriting.start(out);
            w.writeStartElement("wps", "ProcessDescriptions", WPS);
            Wps10Namespaces.declare(w, "http://schemas.opengis.net/wps/1.0.0/wpsDescribeProcess_response.xsd");
            w.writeAttribute("service", "WPS");
            w.writeAttribute("version", "1.0.0");
            w.writeAttribute("xml:lang", "en-US");
            for (ProcessDescriptor p : processes) process(w, p);
            w.writeEndElement();
            XmlWriting.finish(w);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write process descriptions", e);
        }
        return out.toByteArray();
    }

    private void process(XMLStreamWriter w, ProcessDescriptor p) throws XMLStreamException {
        w.writeStartElement("ProcessDescription");
        w.writeAttribute("wps", WPS, "processVersion", p.version());
        w.writeAttribute("storeSupported", "true");
        w.writeAttribute("statusSupported", "true");
        element(w, OWS, "Identifier", p.id());
        element(w, OWS, "Title", p.title());
        if (!p.description().isEmpty()) element(w, OWS, "Abstract", p.description());
        if (!p.inputs().isEmpty()) {
            w.writeStartElement("DataInputs");
            for (InputDescriptor in : p.inputs()) input(w, in);
            w.writeEndElement();
        }
        w.writeStartElement("ProcessOutputs");
        for (OutputDescriptor o : p.outputs()) output(w, o);
        w.writeEndElement();
        w.writeEndElement();
    }

    private void input(XMLStreamWriter w, InputDescriptor in) throws XMLStreamException {
        w.writeStartElement("Input");
        w.writeAttribute("minOccurs", String.valueOf(in.minOccurs()));
        w.writeAttribute("maxOccurs", String.valueOf(in.maxOccurs()));
        element(w, OWS, "Identifier", in.id());
        element(w, OWS, "Title", in.title());
        if (!in.description().isEmpty()) element(w, OWS, "Abstract", in.description());
        switch (in.kind()) {
            case COMPLEX -> {
                w.writeStartElement("ComplexData");
                w.writeAttribute("maximumMegabytes", String.valueOf(maximumMegabytes));
                formats(w, in.formats());
                w.writeEndElement();
            }
            case LITERAL -> {
                w.writeStartElement("LiteralData");
                dataType(w, in.literalType());
                uoms(w, in.uom());
                if (!in.allowedValues().isEmpty()) {
                    w.writeStartElement(OWS, "AllowedValues");
                    for (String v : in.allowedValues()) element(w, OWS, "Value", v);
                    w.writeEndElement();
                } else if (in.minimum() != null || in.maximum() != null) {
                    w.writeStartElement(OWS, "AllowedValues");
                    w.writeStartElement(OWS, "Range");
                    w.writeAttribute(OWS, "rangeClosure", "closed");
                    if (in.minimum() != null) element(w, OWS, "MinimumValue", number(in.minimum(), in.literalType()));
                    if (in.maximum() != null) element(w, OWS, "MaximumValue", number(in.maximum(), in.literalType()));
                    w.writeEndElement();
                    w.writeEndElement();
                } else {
                    w.writeEmptyElement(OWS, "AnyValue");
                }
                if (in.defaultValue() != null) element(w, null, "DefaultValue", in.defaultValue());
                w.writeEndElement();
            }
            case BOUNDING_BOX -> {
                w.writeStartElement("BoundingBoxData");
                crsList(w, in.supportedCrs());
                w.writeEndElement();
            }
        }
        w.writeEndElement();
    }

    private static void output(XMLStreamWriter w, OutputDescriptor o) throws XMLStreamException {
        w.writeStartElement("Output");
        element(w, OWS, "Identifier", o.id());
        element(w, OWS, "Title", o.title());
        if (!o.description().isEmpty()) element(w, OWS, "Abstract", o.description());
        if (o.kind() == DataKind.COMPLEX) {
            w.writeStartElement("ComplexOutput");
            formats(w, o.formats());
            w.writeEndElement();
        } else {
            w.writeStartElement("LiteralOutput");
            dataType(w, o.literalType());
            uoms(w, o.uom());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void formats(XMLStreamWriter w, List<Format> formats) throws XMLStreamException {
        w.writeStartElement("Default");
        format(w, formats.get(0));
        w.writeEndElement();
        w.writeStartElement("Supported");
        for (Format f : formats) format(w, f);
        w.writeEndElement();
    }

    private static void format(XMLStreamWriter w, Format f) throws XMLStreamException {
        w.writeStartElement("Format");
        element(w, null, "MimeType", f.mimeType());
        if (f.encoding() != null) element(w, null, "Encoding", f.encoding());
        if (f.schema() != null) element(w, null, "Schema", f.schema());
        w.writeEndElement();
    }

    private static void crsList(XMLStreamWriter w, List<String> crs) throws XMLStreamException {
        List<String> list = crs.isEmpty() ? List.of("EPSG:4326") : crs;
        w.writeStartElement("Default");
        element(w, null, "CRS", list.get(0));
        w.writeEndElement();
        w.writeStartElement("Supported");
        for (String c : list) element(w, null, "CRS", c);
        w.writeEndElement();
    }

    private static void dataType(XMLStreamWriter w, LiteralType type) throws XMLStreamException {
        w.writeStartElement(OWS, "DataType");
        w.writeAttribute(OWS, "reference", type.reference());
        w.writeCharacters(type.xsName());
        w.writeEndElement();
    }

    private static void uoms(XMLStreamWriter w, String uom) throws XMLStreamException {
        if (uom == null) return;
        w.writeStartElement("UOMs");
        w.writeStartElement("Default");
        element(w, OWS, "UOM", uom);
        w.writeEndElement();
        w.writeStartElement("Supported");
        element(w, OWS, "UOM", uom);
        w.writeEndElement();
        w.writeEndElement();
    }

    private static String number(double v, LiteralType type) {
        return type == LiteralType.INTEGER ? String.valueOf((long) v) : String.valueOf(v);
    }
}
