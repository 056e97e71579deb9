package eu.candela.ows.wms;

import eu.candela.ows.xml.XmlWriting;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes WMS 1.3.0 capabilities (capabilities_1_3_0.xsd). Bounding boxes in EPSG:4326 are written
 * latitude first, as that version requires; GetLegendGraphic is reached through each style's
 * LegendURL, since the SLD extension schema that would declare it as an operation is not used.
 */
final class Capabilities130Encoder {
    static final String WMS_NS = "http://www.opengis.net/wms";
    private static final String SCHEMA_LOCATION = WMS_NS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd";

    private Capabilities130Encoder() {}

    static byte[] encode(CapabilitiesDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XmlWriting.start(out);
            w.setDefaultNamespace(WMS_NS);
            w.setPrefix("xlink", XmlWriting.XLINK_NS);
            w.writeStartElement(WMS_NS, "WMS_Capabilities");
            w.writeDefaultNamespace(WMS_NS);
            w.writeNamespace("xlink", XmlWriting.XLINK_NS);
            w.writeNamespace("xsi", XmlWriting.XSI_NS);
            w.writeAttribute("version", "1.3.0");
            w.writeAttribute(XmlWriting.XSI_NS, "schemaLocation", SCHEMA_LOCATION);
            service(w, doc);
            w.writeStartElement(WMS_NS, "Capability");
            requests(w, doc);
            w.writeStartElement(WMS_NS, "Exception");
            for (ExceptionFormat f : ExceptionFormat.values()) text(w, "Format", f.advertised(WmsVersion.V1_3_0));
            w.writeEndElement();
            rootLayer(w, doc);
            w.writeEndElement();
            w.writeEndElement();
            XmlWriting.finish(w);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write WMS 1.3.0 capabilities", e);
        }
        return out.toByteArray();
    }

    private static void service(XMLStreamWriter w, CapabilitiesDocument doc) throws XMLStreamException {
        w.writeStartElement(WMS_NS, "Service");
        text(w, "Name", "WMS");
        text(w, "Title", CapabilitiesDocument.TITLE);
        text(w, "Abstract", CapabilitiesDocument.ABSTRACT);
        onlineResource(w, doc.serviceUrl());
        text(w, "Fees", "none");
        text(w, "AccessConstraints", "none");
        text(w, "MaxWidth", String.valueOf(doc.maxWidth()));
        text(w, "MaxHeight", String.valueOf(doc.maxHeight()));
        w.writeEndElement();
    }

    private static void requests(XMLStreamWriter w, CapabilitiesDocument doc) throws XMLStreamException {
        w.writeStartElement(WMS_NS, "Request");
        operation(w, doc, "GetCapabilities", List.of("text/xml"));
        operation(w, doc, "GetMap", CapabilitiesDocument.MAP_FORMATS);
        operation(w, doc, "GetFeatureInfo", CapabilitiesDocument.INFO_FORMATS);
        w.writeEndElement();
    }

    private static void operation(XMLStreamWriter w, CapabilitiesDocument doc, String name, List<String> formats)
            throws XMLStreamException {
        w.writeStartElement(WMS_NS, name);
        for (String f : formats) text(w, "Format", f);
        w.writeStartElement(WMS_NS, "DCPType");
        w.writeStartElement(WMS_NS, "HTTP");
        for (String method : List.of("Get", "Post")) {
            w.writeStartElement(WMS_NS, method);
            onlineResource(w, doc.operationUrl());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void rootLayer(XMLStreamWriter w, CapabilitiesDocument doc) throws XMLStreamException {
        w.writeStartElement(WMS_NS, "Layer");
        text(w, "Title", CapabilitiesDocument.TITLE);
        text(w, "Abstract", CapabilitiesDocument.ABSTRACT);
        text(w, "CRS", "CRS:84");
        for (int epsg : doc.epsgCodes()) text(w, "CRS", "EPSG:" + epsg);
        double[] world = doc.wgs84Union();
        geographicBox(w, world);
        boundingBox(w, "CRS:84", world);
        boundingBox(w, "EPSG:4326", new double[] {world[1], world[0], world[3], world[2]});
        for (LayerDescription layer : doc.layers()) layer(w, layer);
        w.writeEndElement();
    }

    private static void layer(XMLStreamWriter w, LayerDescription layer) throws XMLStreamException {
        w.writeStartElement(WMS_NS, "Layer");
        w.writeAttribute("queryable", "1");
        w.writeAttribute("opaque", "0");
        text(w, "Name", layer.name());
        text(w, "Title", layer.title());
        if (!layer.abstractText().isEmpty()) text(w, "Abstract", layer.abstractText());
        text(w, "CRS", "EPSG:" + layer.nativeEpsg());
        geographicBox(w, CapabilitiesDocument.clampToWorld(layer.wgs84()));
        boundingBox(w, "CRS:84", layer.wgs84());
        for (Map.Entry<Integer, double[]> e : layer.envelopes().entrySet()) {
            double[] b = e.getValue();
            boolean latitudeFirst = e.getKey() == 4326;
            boundingBox(w, "EPSG:" + e.getKey(), latitudeFirst ? new double[] {b[1], b[0], b[3], b[2]} : b);
        }
        for (LayerDescription.StyleDescription style : layer.styles()) style(w, style);
        w.writeEndElement();
    }

    private static void style(XMLStreamWriter w, LayerDescription.StyleDescription style) throws XMLStreamException {
        w.writeStartElement(WMS_NS, "Style");
        text(w, "Name", style.name());
        text(w, "Title", style.title());
        w.writeStartElement(WMS_NS, "LegendURL");
        w.writeAttribute("width", String.valueOf(style.legendWidth()));
        w.writeAttribute("height", String.valueOf(style.legendHeight()));
        text(w, "Format", "image/png");
        onlineResource(w, style.legendUrl());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void geographicBox(XMLStreamWriter w, double[] b) throws XMLStreamException {
        w.writeStartElement(WMS_NS, "EX_GeographicBoundingBox");
        text(w, "westBoundLongitude", number(b[0]));
        text(w, "eastBoundLongitude", number(b[2]));
        text(w, "southBoundLatitude", number(b[1]));
        text(w, "northBoundLatitude", number(b[3]));
        w.writeEndElement();
    }

    /** {@code b} in the axis order of {@code crs}. */
    private static void boundingBox(XMLStreamWriter w, String crs, double[] b) throws XMLStreamException {
        w.writeEmptyElement(WMS_NS, "BoundingBox");
        w.writeAttribute("CRS", crs);
        w.writeAttribute("minx", number(b[0]));
        w.writeAttribute("miny", number(b[1]));
        w.writeAttribute("maxx", number(b[2]));
        w.writeAttribute("maxy", number(b[3]));
    }

    private static void onlineResource(XMLStreamWriter w, String href) throws XMLStreamException {
        w.writeEmptyElement(WMS_NS, "OnlineResource");
        w.writeAttribute(XmlWriting.XLINK_NS, "type", "simple");
        w.writeAttribute(XmlWriting.XLINK_NS, "href", href);
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        XmlWriting.element(w, WMS_NS, name, value);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
