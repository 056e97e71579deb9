package eu.candela.ows.exception;

import eu.candela.ows.xml.XmlWriting;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;

/** Writes an OWS 1.1 ExceptionReport. */
public final class ExceptionReportCodec {
    public static final String OWS_NS = "http://www.opengis.net/ows/1.1";
    public static final String MEDIA_TYPE = "application/xml";

    private ExceptionReportCodec() {}

    public static byte[] encode(OwsException e, String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = XmlWriting.start(out);
            w.writeStartElement("ows", "ExceptionReport", OWS_NS);
            w.writeNamespace("ows", OWS_NS);
            w.writeNamespace("xsi", XmlWriting.XSI_NS);
            w.writeAttribute(XmlWriting.XSI_NS, "schemaLocation",
                    OWS_NS + " http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd");
            w.writeAttribute("version", version);
            w.writeAttribute("xml:lang", "en-US");
            w.writeStartElement(OWS_NS, "Exception");
            w.writeAttribute("exceptionCode", e.code().reportedCode());
            if (e.locator() != null) {
                w.writeAttribute("locator", e.locator());
            }
            w.writeStartElement(OWS_NS, "ExceptionText");
            w.writeCharacters(e.getMessage());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            XmlWriting.finish(w);
        } catch (XMLStreamException x) {
            throw new IllegalStateException("cannot write an exception report", x);
        }
        return out.toByteArray();
    }
}
