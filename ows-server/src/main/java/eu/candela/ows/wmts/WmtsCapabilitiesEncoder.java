package eu.candela.ows.wmts;

import eu.candela.ows.xml.XmlWriting;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the WMTS 1.0.0 capabilities document (OGC 07-057r7 §7.1), element order as in
 * wmtsGetCapabilities_response.xsd. GetCapabilities and GetTile are offered in both the KVP and
 * the RESTful encoding.
 */
public final class WmtsCapabilitiesEncoder {
    public static final String WMTS_NS = "http://www.opengis.net/wmts/1.0";
    public static final String OWS_NS = "http://www.opengis.net/ows/1.1";
    private static final String XLINK = XmlWriting.XLINK_NS;
    private static final List<String> FORMATS = List.of("image/png", "image/jpeg");

    byte[] encode(WmtsUrls urls, List<CapabilitiesLayer> layers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            XMLStreamWriter w = XmlWriting.start(out);
            w.setDefaultNamespace(WMTS_NS);
            w.setPrefix("ows", OWS_NS);
            w.setPrefix("xlink", XLINK);
            w.writeStartElement(WMTS_NS, "Capabilities");
            w.writeDefaultNamespace(WMTS_NS);
            w.writeNamespace("ows", OWS_NS);
            w.writeNamespace("xlink", XLINK);
            w.writeNamespace("xsi", XmlWriting.XSI_NS);
            w.writeAttribute(XmlWriting.XSI_NS, "schemaLocation",
                    WMTS_NS + " http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd");
            w.writeAttribute("version", WmtsKvpParser.VERSION);
            serviceIdentification(w);
            serviceProvider(w);
            operations(w, urls);
            w.writeStartElement(WMTS_NS, "Contents");
            for (CapabilitiesLayer layer : layers) layer(w, urls, layer);
            for (TileMatrixSet tms : TileMatrixSets.all()) tileMatrixSet(w, tms);
            w.writeEndElement();
            w.writeEmptyElement(WMTS_NS, "ServiceMetadataURL");
            w.writeAttribute(XLINK, "href", urls.restCapabilities());
            w.writeEndElement();
            XmlWriting.finish(w);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the WMTS capabilities", e);
        }
        return out.toByteArray();
    }

    private static void serviceIdentification(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement(OWS_NS, "ServiceIdentification");
        ows(w, "Title", "Candela EO maps WMTS");
        ows(w, "Abstract", "Tiles of the Earth-observation layers published by the Candela platform");
        w.writeStartElement(OWS_NS, "Keywords");
        for (String k : List.of("WMTS", "Earth observation", "Sentinel")) ows(w, "Keyword", k);
        w.writeEndElement();
        ows(w, "ServiceType", "OGC WMTS");
        ows(w, "ServiceTypeVersion", WmtsKvpParser.VERSION);
        ows(w, "Fees", "none");
        ows(w, "AccessConstraints", "none");
        w.writeEndElement();
    }

    private static void serviceProvider(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement(OWS_NS, "ServiceProvider");
        ows(w, "ProviderName", "Candela platform");
        w.writeEmptyElement(OWS_NS, "ProviderSite");
        w.writeAttribute(XLINK, "href", "https://github.com/candela-platform");
        w.writeStartElement(OWS_NS, "ServiceContact");
        ows(w, "IndividualName", "Platform operator");
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void operations(XMLStreamWriter w, WmtsUrls urls) throws XMLStreamException {
        w.writeStartElement(OWS_NS, "OperationsMetadata");
        operation(w, "GetCapabilities", Map.of("KVP", urls.kvp(), "RESTful", urls.restCapabilities()));
        operation(w, "GetTile", Map.of("KVP", urls.kvp(), "RESTful", urls.restTiles()));
        w.writeEndElement();
    }

    /** One operation with a Get per encoding, KVP first (OWSLib takes the first one it recognises). */
    private static void operation(XMLStreamWriter w, String name, Map<String, String> hrefByEncoding) throws XMLStreamException {
        w.writeStartElement(OWS_NS, "Operation");
        w.writeAttribute("name", name);
        w.writeStartElement(OWS_NS, "DCP");
        w.writeStartElement(OWS_NS, "HTTP");
        for (String encoding : List.of("KVP", "RESTful")) {
            w.writeStartElement(OWS_NS, "Get");
            w.writeAttribute(XLINK, "href", hrefByEncoding.get(encoding));
            w.writeStartElement(OWS_NS, "Constraint");
            w.writeAttribute("name", "GetEncoding");
            w.writeStartElement(OWS_NS, "AllowedValues");
            ows(w, "Value", encoding);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void layer(XMLStreamWriter w, WmtsUrls urls, CapabilitiesLayer entry) throws XMLStreamException {
        String name = entry.layer().qualifiedName();
        w.writeStartElement(WMTS_NS, "Layer");
        ows(w, "Title", entry.layer().title());
        if (!entry.layer().abstractText().isBlank()) ows(w, "Abstract", entry.layer().abstractText());
        double[] b = entry.wgs84Bounds();
        w.writeStartElement(OWS_NS, "WGS84BoundingBox");
        ows(w, "LowerCorner", number(b[0]) + " " + number(b[1]));
        ows(w, "UpperCorner", number(b[2]) + " " + number(b[3]));
        w.writeEndElement();
        ows(w, "Identifier", name);
        boolean first = true;
        for (String style : entry.styles()) {
            w.writeStartElement(WMTS_NS, "Style");
            if (first) w.writeAttribute("isDefault", "true");
            first = false;
            ows(w, "Title", style);
            ows(w, "Identifier", style);
            w.writeEmptyElement(WMTS_NS, "LegendURL");
            w.writeAttribute("format", "image/png");
            w.writeAttribute(XLINK, "href", urls.legend(name, style));
            w.writeEndElement();
        }
        for (String f : FORMATS) XmlWriting.element(w, WMTS_NS, "Format", f);
        List<TileMatrixSet> sets = entry.limits().keySet().stream()
                .sorted(Comparator.comparing(TileMatrixSet::identifier)).toList();
        for (TileMatrixSet tms : sets) tileMatrixSetLink(w, tms, entry.limits().get(tms));
        for (String f : FORMATS) {
            w.writeEmptyElement(WMTS_NS, "ResourceURL");
            w.writeAttribute("format", f);
            w.writeAttribute("resourceType", "tile");
            w.writeAttribute("template", urls.tileTemplate(name, f.equals("image/png") ? "png" : "jpg"));
        }
        w.writeEndElement();
    }

    private static void tileMatrixSetLink(XMLStreamWriter w, TileMatrixSet tms, List<TileMatrixLimits> limits)
            throws XMLStreamException {
        w.writeStartElement(WMTS_NS, "TileMatrixSetLink");
        XmlWriting.element(w, WMTS_NS, "TileMatrixSet", tms.identifier());
        w.writeStartElement(WMTS_NS, "TileMatrixSetLimits");
        for (TileMatrixLimits l : limits) {
            w.writeStartElement(WMTS_NS, "TileMatrixLimits");
            XmlWriting.element(w, WMTS_NS, "TileMatrix", l.tileMatrix());
            XmlWriting.element(w, WMTS_NS, "MinTileRow", Long.toString(l.minTileRow()));
            XmlWriting.element(w, WMTS_NS, "MaxTileRow", Long.toString(l.maxTileRow()));
            XmlWriting.element(w, WMTS_NS, "MinTileCol", Long.toString(l.minTileCol()));
            XmlWriting.element(w, WMTS_NS, "MaxTileCol", Long.toString(l.maxTileCol()));
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void tileMatrixSet(XMLStreamWriter w, TileMatrixSet tms) throws XMLStreamException {
        w.writeStartElement(WMTS_NS, "TileMatrixSet");
        ows(w, "Identifier", tms.identifier());
        ows(w, "SupportedCRS", tms.supportedCrs());
        if (tms.wellKnownScaleSet() != null) XmlWriting.element(w, WMTS_NS, "WellKnownScaleSet", tms.wellKnownScaleSet());
        for (TileMatrix m : tms.levels()) {
            w.writeStartElement(WMTS_NS, "TileMatrix");
            ows(w, "Identifier", m.identifier());
            XmlWriting.element(w, WMTS_NS, "ScaleDenominator", number(m.scaleDenominator()));
            XmlWriting.element(w, WMTS_NS, "TopLeftCorner", number(m.originX()) + " " + number(m.originY()));
            XmlWriting.element(w, WMTS_NS, "TileWidth", Integer.toString(m.tileSize()));
            XmlWriting.element(w, WMTS_NS, "TileHeight", Integer.toString(m.tileSize()));
            XmlWriting.element(w, WMTS_NS, "MatrixWidth", Integer.toString(m.matrixWidth()));
            XmlWriting.element(w, WMTS_NS, "MatrixHeight", Integer.toString(m.matrixHeight()));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void ows(XMLStreamWriter w, String localName, String text) throws XMLStreamException {
        XmlWriting.element(w, OWS_NS, localName, text);
    }

    /** Plain decimal notation (no exponent), which every client parses. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
