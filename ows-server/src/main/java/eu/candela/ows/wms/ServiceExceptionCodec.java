package eu.candela.ows.wms;

import eu.candela.ows.xml.XmlWriting;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;

/**
 * Writes WMS ServiceExceptionReports: 1.3.0 in the {@code http://www.opengis.net/ogc} namespace
 * (exceptions_1_3_0.xsd) as {@code text/xml}, 1.1.1 without namespace, with GeoServer's DOCTYPE
 * line, as {@code application/vnd.ogc.se_xml}. The DOCTYPE declares no entities, so a client that
 * never fetches the DTD reads the report the same.
 */
public final class ServiceExceptionCodec {
    static final String OGC_NS = "http://www.opengis.net/ogc";
    private static final String DTD_111 = "<!DOCTYPE ServiceExceptionReport SYSTEM "
            + "\"http://schemas.opengis.net/wms/1.1.1/WMS_exception_1_1_1.dtd\">";

    private ServiceExceptionCodec() {}

    public static String contentType(WmsVersion version) {
        return version == WmsVersion.V1_3_0 ? "text/xml" : "application/vnd.ogc.se_xml";
    }

    public static byte[] encode(WmsException e, WmsVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XmlWriting.start(out);
            boolean v130 = version == WmsVersion.V1_3_0;
            if (v130) {
                w.setDefaultNamespace(OGC_NS);
                w.writeStartElement(OGC_NS, "ServiceExceptionReport");
                w.writeDefaultNamespace(OGC_NS);
            } else {
                w.writeDTD(DTD_111);
                w.writeStartElement("ServiceExceptionReport");
            }
            w.writeAttribute("version", version.text());
            if (v130) {
                w.writeStartElement(OGC_NS, "ServiceException");
            } else {
                w.writeStartElement("ServiceException");
            }
            String code = e.code().reportedCode(version);
            if (code != null) w.writeAttribute("code", code);
            if (e.locator() != null) w.writeAttribute("locator", e.locator());
            w.writeCharacters(e.getMessage());
            w.writeEndElement();
            w.writeEndElement();
            XmlWriting.finish(w);
        } catch (XMLStreamException x) {
            throw new IllegalStateException("cannot write a service exception report", x);
        }
        return out.toByteArray();
    }
}
