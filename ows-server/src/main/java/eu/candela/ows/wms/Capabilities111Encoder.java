package eu.candela.ows.wms;

import eu.candela.ows.xml.XmlWriting;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes WMS 1.1.1 capabilities ({@code WMT_MS_Capabilities}, WMS_MS_Capabilities.dtd). The
 * DOCTYPE line is there as GeoServer writes it, but the document declares the xlink namespace
 * itself and uses no entity, so a client that never fetches the DTD reads it the same.
 * Coordinates are always x (longitude) first in this version.
 */
final class Capabilities111Encoder {
    private static final String DOCTYPE = "<!DOCTYPE WMT_MS_Capabilities SYSTEM "
            + "\"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\">";

    private Capabilities111Encoder() {}

    static byte[] encode(CapabilitiesDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XmlWriting.start(out);
            w.writeDTD(DOCTYPE);
            w.setPrefix("xlink", XmlWriting.XLINK_NS);
            w.writeStartElement("WMT_MS_Capabilities");
            w.writeNamespace("xlink", XmlWriting.XLINK_NS);
            w.writeAttribute("version", "1.1.1");
            service(w, doc);
            w.writeStartElement("Capability");
            requests(w, doc);
            w.writeStartElement("Exception");
            for (ExceptionFormat f : ExceptionFormat.values()) text(w, "Format", f.advertised(WmsVersion.V1_1_1));
            w.writeEndElement();
            rootLayer(w, doc);
            w.writeEndElement();
            w.writeEndElement();
            XmlWriting.finish(w);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write WMS 1.1.1 capabilities", e);
        }
        return out.toByteArray();
    }

    private static void service(XMLStreamWriter w, CapabilitiesDocument doc) throws XMLStreamException {
        w.writeStartElement("Service");
        text(w, "Name", "OGC:WMS");
        text(w, "Title", CapabilitiesDocument.TITLE);
        text(w, "Abstract", CapabilitiesDocument.ABSTRACT);
        onlineResource(w, doc.serviceUrl());
        text(w, "Fees", "none");
        text(w, "AccessConstraints", "none");
        w.writeEndElement();
    }

    private static void requests(XMLStreamWriter w, CapabilitiesDocument doc) throws XMLStreamException {
        w.writeStartElement("Request");
        operation(w, doc, "GetCapabilities", List.of("application/vnd.ogc.wms_xml"));
        operation(w, doc, "GetMap", CapabilitiesDocument.MAP_FORMATS);
        operation(w, doc, "GetFeatureInfo", CapabilitiesDocument.INFO_FORMATS);
        operation(w, doc, "GetLegendGraphic", List.of("image/png", "image/jpeg"));
        w.writeEndElement();
    }

    private static void operation(XMLStreamWriter w, CapabilitiesDocument doc, String name, List<String> formats)
            throws XMLStreamException {
        w.writeStartElement(name);
        for (String f : formats) text(w, "Format", f);
        w.writeStartElement("DCPType");
        w.writeStartElement("HTTP");
        for (String method : List.of("Get", "Post")) {
            w.writeStartElement(method);
            onlineResource(w, doc.operationUrl());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void rootLayer(XMLStreamWriter w, CapabilitiesDocument doc) throws XMLStreamException {
        w.writeStartElement("Layer");
        text(w, "Title", CapabilitiesDocument.TITLE);
        text(w, "Abstract", CapabilitiesDocument.ABSTRACT);
        for (int epsg : doc.epsgCodes()) text(w, "SRS", "EPSG:" + epsg);
        double[] world = doc.wgs84Union();
        latLonBox(w, world);
        for (LayerDescription layer : doc.layers()) layer(w, layer);
        w.writeEndElement();
    }

    private static void layer(XMLStreamWriter w, LayerDescription layer) throws XMLStreamException {
        w.writeStartElement("Layer");
        w.writeAttribute("queryable", "1");
        w.writeAttribute("opaque", "0");
        text(w, "Name", layer.name());
        text(w, "Title", layer.title());
        if (!layer.abstractText().isEmpty()) text(w, "Abstract", layer.abstractText());
        text(w, "SRS", "EPSG:" + layer.nativeEpsg());
        latLonBox(w, CapabilitiesDocument.clampToWorld(layer.wgs84()));
        for (Map.Entry<Integer, double[]> e : layer.envelopes().entrySet()) {
            double[] b = e.getValue();
            w.writeEmptyElement("BoundingBox");
            w.writeAttribute("SRS", "EPSG:" + e.getKey());
            box(w, b);
        }
        for (LayerDescription.StyleDescription style : layer.styles()) style(w, style);
        w.writeEndElement();
    }

    private static void style(XMLStreamWriter w, LayerDescription.StyleDescription style) throws XMLStreamException {
        w.writeStartElement("Style");
        text(w, "Name", style.name());
        text(w, "Title", style.title());
        w.writeStartElement("LegendURL");
        w.writeAttribute("width", String.valueOf(style.legendWidth()));
        w.writeAttribute("height", String.valueOf(style.legendHeight()));
        text(w, "Format", "image/png");
        onlineResource(w, style.legendUrl());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void latLonBox(XMLStreamWriter w, double[] b) throws XMLStreamException {
        w.writeEmptyElement("LatLonBoundingBox");
        box(w, b);
    }

    private static void box(XMLStreamWriter w, double[] b) throws XMLStreamException {
        w.writeAttribute("minx", Capabilities130Encoder.number(b[0]));
        w.writeAttribute("miny", Capabilities130Encoder.number(b[1]));
        w.writeAttribute("maxx", Capabilities130Encoder.number(b[2]));
        w.writeAttribute("maxy", Capabilities130Encoder.number(b[3]));
    }

    private static void onlineResource(XMLStreamWriter w, String href) throws XMLStreamException {
        w.writeEmptyElement("OnlineResource");
        w.writeAttribute(XmlWriting.XLINK_NS, "type", "simple");
        w.writeAttribute(XmlWriting.XLINK_NS, "href", href);
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        XmlWriting.element(w, null, name, value);
    }
}
