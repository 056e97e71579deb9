package eu.candela.ows.wps10;

import eu.candela.ows.xml.XmlWriting;
import eu.candela.wps.spi.ProcessDescriptor;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static eu.candela.ows.wps10.Wps10XmlParser.OWS;
import static eu.candela.ows.wps10.Wps10XmlParser.WPS;
import static eu.candela.ows.xml.XmlWriting.XLINK_NS;
import static eu.candela.ows.xml.XmlWriting.element;

/** Writes the WPS 1.0.0 ExecuteResponse document (OGC 05-007r7 section 10.3), also used as the status document. */
public final class Wps10ExecuteResponseEncoder {

    /**
     * @param serviceInstance the GetCapabilities URL of this service
     * @param statusLocation  where the stored response lives; null for a synchronous execution
     * @param lineageInputs   the inputs to echo, or null without lineage; references to where the
     *                        server stored inline data replace large inline values
     * @param inputTitle      title of an input id, for the lineage echo
     */
    public byte[] encode(ProcessDescriptor process, ExecutionView view, String serviceInstance, String statusLocation,
                         ResponseForm.Document form, List<InputSpec> lineageInputs,
                         Function<String, String> inputTitle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = XmlWriting.start(out);
            w.writeStartElement("wps", "ExecuteResponse", WPS);
            Wps10Namespaces.declare(w, "http://schemas.opengis.net/wps/1.0.0/wpsExecute_response.xsd");
            w.writeAttribute("service", "WPS");
            w.writeAttribute("version", "1.0.0");
            w.writeAttribute("xml:lang", "en-US");
            w.writeAttribute("serviceInstance", serviceInstance);
            if (statusLocation != null) w.writeAttribute("statusLocation", statusLocation);

            w.writeStartElement(WPS, "Process");
            w.writeAttribute("wps", WPS, "processVersion", process.version());
            element(w, OWS, "Identifier", process.id());
            element(w, OWS, "Title", process.title());
            w.writeEndElement();

            status(w, view);
            if (lineageInputs != null) {
                lineage(w, lineageInputs, inputTitle, form);
            }
            if (view.phase() == ExecutionView.Phase.SUCCEEDED && !view.outputs().isEmpty()) {
                w.writeStartElement(WPS, "ProcessOutputs");
                for (ExecutionView.OutputContent o : view.outputs()) output(w, o);
                w.writeEndElement();
            }
            w.writeEndElement();
            XmlWriting.finish(w);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an execute response", e);
        }
        return out.toByteArray();
    }

    private static void status(XMLStreamWriter w, ExecutionView view) throws XMLStreamException {
        w.writeStartElement(WPS, "Status");
        w.writeAttribute("creationTime", (view.created() == null ? Instant.now() : view.created()).toString());
        switch (view.phase()) {
            case ACCEPTED -> element(w, WPS, "ProcessAccepted", orDefault(view.message(), "Process accepted and queued"));
            case STARTED -> {
                w.writeStartElement(WPS, "ProcessStarted");
                w.writeAttribute("percentCompleted", String.valueOf(Math.max(0, Math.min(99, view.percentCompleted()))));
                w.writeCharacters(orDefault(view.message(), "Process running"));
                w.writeEndElement();
            }
            case SUCCEEDED -> element(w, WPS, "ProcessSucceeded", orDefault(view.message(), "Process succeeded"));
            case FAILED -> {
                w.writeStartElement(WPS, "ProcessFailed");
                w.writeStartElement("ows", "ExceptionReport", OWS);
                w.writeAttribute("version", "1.0.0");
                w.writeStartElement(OWS, "Exception");
                w.writeAttribute("exceptionCode", "NoApplicableCode");
                w.writeAttribute("locator", view.jobId());
                element(w, OWS, "ExceptionText", orDefault(view.message(), "Process failed"));
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
        }
        w.writeEndElement();
    }

    private static void lineage(XMLStreamWriter w, List<InputSpec> inputs, Function<String, String> inputTitle,
                                ResponseForm.Document form) throws XMLStreamException {
        w.writeStartElement(WPS, "DataInputs");
        for (InputSpec in : inputs) {
            w.writeStartElement(WPS, "Input");
            element(w, OWS, "Identifier", in.id());
            element(w, OWS, "Title", inputTitle.apply(in.id()));
            if (in instanceof InputSpec.Reference r) {
                w.writeEmptyElement(WPS, "Reference");
                w.writeAttribute("xlink", XLINK_NS, "href", r.href());
                w.writeAttribute("method", r.method());
                if (r.mimeType() != null) w.writeAttribute("mimeType", r.mimeType());
                if (r.encoding() != null) w.writeAttribute("encoding", r.encoding());
            } else if (in instanceof InputSpec.Literal l) {
                w.writeStartElement(WPS, "Data");
                w.writeStartElement(WPS, "LiteralData");
                if (l.dataType() != null) w.writeAttribute("dataType", l.dataType());
                if (l.uom() != null) w.writeAttribute("uom", l.uom());
                w.writeCharacters(l.value());
                w.writeEndElement();
                w.writeEndElement();
            } else if (in instanceof InputSpec.Complex c) {
                w.writeStartElement(WPS, "Data");
                w.writeStartElement(WPS, "ComplexData");
                if (c.mimeType() != null) w.writeAttribute("mimeType", c.mimeType());
                if (c.encoding() != null) w.writeAttribute("encoding", c.encoding());
                w.writeCharacters(c.content());
                w.writeEndElement();
                w.writeEndElement();
            } else if (in instanceof InputSpec.BoundingBox b) {
                w.writeStartElement(WPS, "Data");
                w.writeStartElement(WPS, "BoundingBoxData");
                if (b.crs() != null) w.writeAttribute("crs", b.crs());
                w.writeAttribute("dimensions", String.valueOf(b.lower().size()));
                element(w, OWS, "LowerCorner", corner(b.lower()));
                element(w, OWS, "UpperCorner", corner(b.upper()));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement(WPS, "OutputDefinitions");
        for (OutputDefinition d : form.outputs()) {
            w.writeStartElement(WPS, "Output");
            w.writeAttribute("asReference", String.valueOf(d.asReference()));
            if (d.mimeType() != null) w.writeAttribute("mimeType", d.mimeType());
            if (d.encoding() != null) w.writeAttribute("encoding", d.encoding());
            if (d.uom() != null) w.writeAttribute("uom", d.uom());
            element(w, OWS, "Identifier", d.id());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void output(XMLStreamWriter w, ExecutionView.OutputContent o) throws XMLStreamException {
        w.writeStartElement(WPS, "Output");
        element(w, OWS, "Identifier", o.id());
        element(w, OWS, "Title", o.title());
        if (o.referenceUrl() != null) {
            w.writeEmptyElement(WPS, "Reference");
            w.writeAttribute("href", o.referenceUrl());
            if (o.mimeType() != null) w.writeAttribute("mimeType", o.mimeType());
        } else {
            w.writeStartElement(WPS, "Data");
            if (o.literal()) {
                w.writeStartElement(WPS, "LiteralData");
                if (o.dataType() != null) w.writeAttribute("dataType", o.dataType());
            } else {
                w.writeStartElement(WPS, "ComplexData");
                if (o.mimeType() != null) w.writeAttribute("mimeType", o.mimeType());
                if (o.encoding() != null) w.writeAttribute("encoding", o.encoding());
            }
            w.writeCharacters(o.inlineText() == null ? "" : o.inlineText());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String corner(List<Double> values) {
        StringBuilder sb = new StringBuilder();
        for (Double v : values) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(v);
        }
        return sb.toString();
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
