package eu.candela.ows.wps10;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.ows.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static eu.candela.ows.xml.SafeXml.attribute;
import static eu.candela.ows.xml.SafeXml.child;
import static eu.candela.ows.xml.SafeXml.children;

/** Parses WPS 1.0.0 XML (POST) requests: GetCapabilities, DescribeProcess and Execute. */
public final class Wps10XmlParser {
    public static final String WPS = "http://www.opengis.net/wps/1.0.0";
    public static final String OWS = "http://www.opengis.net/ows/1.1";
    public static final String XLINK = "http://www.w3.org/1999/xlink";

    public Wps10Request parse(InputStream body) {
        Document doc = SafeXml.parse(body);
        Element root = doc.getDocumentElement();
        if (!WPS.equals(root.getNamespaceURI())) {
            throw new OwsException(OwsExceptionCode.OperationNotSupported, "request",
                    "Root element {" + root.getNamespaceURI() + "}" + root.getLocalName() + " is not a WPS 1.0.0 request");
        }
        String service = attribute(root, "service");
        if (service == null) throw OwsException.missing("service");
        if (!service.equalsIgnoreCase("WPS")) throw OwsException.invalid("service", "Service '" + service + "' is not offered here; use WPS");
        String language = attribute(root, "language");
        return switch (root.getLocalName()) {
            case "GetCapabilities" -> new Wps10Request.GetCapabilities(acceptVersions(root), language);
            case "DescribeProcess" -> {
                requireVersion(root);
                List<String> ids = children(root, OWS, "Identifier").stream().map(Wps10XmlParser::text).toList();
                if (ids.isEmpty()) throw OwsException.missing("Identifier");
                yield new Wps10Request.DescribeProcess(ids, language);
            }
            case "Execute" -> {
                requireVersion(root);
                yield new Wps10Request.Execute(execute(root, language));
            }
            default -> throw new OwsException(OwsExceptionCode.OperationNotSupported, "request",
                    "Operation '" + root.getLocalName() + "' is not supported; use GetCapabilities, DescribeProcess or Execute");
        };
    }

    private static List<String> acceptVersions(Element root) {
        return child(root, WPS, "AcceptVersions")
                .map(av -> children(av, OWS, "Version").stream().map(Wps10XmlParser::text).toList())
                .orElse(List.of());
    }

    private static void requireVersion(Element root) {
        String version = attribute(root, "version");
        if (version == null) throw OwsException.missing("version");
        if (!version.equals("1.0.0")) throw OwsException.invalid("version", "Version " + version + " is not supported; use 1.0.0");
    }

    private static ExecuteRequest execute(Element root, String language) {
        String processId = child(root, OWS, "Identifier").map(Wps10XmlParser::text)
                .filter(s -> !s.isBlank()).orElseThrow(() -> OwsException.missing("Identifier"));
        List<InputSpec> inputs = new ArrayList<>();
        child(root, WPS, "DataInputs").ifPresent(di -> {
            for (Element input : children(di, WPS, "Input")) inputs.add(input(input));
        });
        ResponseForm form = child(root, WPS, "ResponseForm").map(Wps10XmlParser::responseForm).orElse(null);
        return new ExecuteRequest(processId, inputs, form, language);
    }

    private static InputSpec input(Element input) {
        String id = child(input, OWS, "Identifier").map(Wps10XmlParser::text)
                .orElseThrow(() -> OwsException.missing("Input/Identifier"));
        var reference = child(input, WPS, "Reference");
        if (reference.isPresent()) return reference(id, reference.get());
        Element data = child(input, WPS, "Data").orElseThrow(() ->
                OwsException.invalid(id, "Input '" + id + "' has neither wps:Data nor wps:Reference"));
        Element value = SafeXml.firstElementChild(data).orElseThrow(() ->
                OwsException.invalid(id, "Input '" + id + "' has an empty wps:Data"));
        return switch (value.getLocalName()) {
            case "LiteralData" -> new InputSpec.Literal(id, value.getTextContent(), attribute(value, "dataType"),
                    attribute(value, "uom"));
            case "ComplexData" -> new InputSpec.Complex(id, complexContent(value), attribute(value, "mimeType"),
                    attribute(value, "encoding"), attribute(value, "schema"));
            case "BoundingBoxData" -> boundingBox(id, value);
            default -> throw OwsException.invalid(id, "Unknown data element wps:" + value.getLocalName());
        };
    }

    private static InputSpec reference(String id, Element ref) {
        String href = attribute(ref, XLINK, "href");
        if (href == null) href = attribute(ref, "href");
        if (href == null || href.isBlank()) throw OwsException.missing(id + "/Reference/@xlink:href");
        Map<String, String> headers = new LinkedHashMap<>();
        for (Element h : children(ref, WPS, "Header")) headers.put(attribute(h, "key"), attribute(h, "value"));
        String body = child(ref, WPS, "Body").map(Wps10XmlParser::complexContent).orElse(null);
        if (child(ref, WPS, "BodyReference").isPresent()) {
            throw new OwsException(OwsExceptionCode.OptionNotSupported, id, "wps:BodyReference is not supported; send the body inline");
        }
        return new InputSpec.Reference(id, href, attribute(ref, "mimeType"), attribute(ref, "encoding"),
                attribute(ref, "schema"), attribute(ref, "method"), body, headers);
    }

    /** The text of a ComplexData: its text (base64, JSON, CDATA) or, for embedded XML, the serialized child. */
    private static String complexContent(Element e) {
        var element = SafeXml.firstElementChild(e);
        if (element.isPresent()) {
            return serialize(element.get());
        }
        return e.getTextContent().trim();
    }

    private static String serialize(Node node) {
        try {
            var out = new java.io.StringWriter();
            var t = javax.xml.transform.TransformerFactory.newInstance();
            t.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            t.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var tr = t.newTransformer();
            tr.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            tr.transform(new javax.xml.transform.dom.DOMSource(node), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException ex) {
            throw new IllegalStateException("cannot serialize embedded XML", ex);
        }
    }

    private static InputSpec.BoundingBox boundingBox(String id, Element bbox) {
        String crs = attribute(bbox, "crs");
        List<Double> lower = coordinates(id, child(bbox, OWS, "LowerCorner"));
        List<Double> upper = coordinates(id, child(bbox, OWS, "UpperCorner"));
        if (lower.size() < 2 || lower.size() != upper.size()) {
            throw OwsException.invalid(id, "Bounding box needs LowerCorner and UpperCorner of the same dimension");
        }
        return new InputSpec.BoundingBox(id, lower, upper, crs);
    }

    private static List<Double> coordinates(String id, java.util.Optional<Element> corner) {
        String text = corner.map(Wps10XmlParser::text).orElseThrow(() -> OwsException.missing(id + "/LowerCorner|UpperCorner"));
        return Arrays.stream(text.trim().split("\\s+")).map(t -> Wps10KvpParser.coordinate(id, t)).toList();
    }

    private static ResponseForm responseForm(Element form) {
        var raw = child(form, WPS, "RawDataOutput");
        if (raw.isPresent()) return new ResponseForm.Raw(outputDefinition(raw.get()));
        var doc = child(form, WPS, "ResponseDocument");
        if (doc.isEmpty()) return ResponseForm.Document.defaults();
        Element d = doc.get();
        List<OutputDefinition> outputs = children(d, WPS, "Output").stream().map(Wps10XmlParser::outputDefinition).toList();
        return new ResponseForm.Document(outputs, bool(d, "storeExecuteResponse"), bool(d, "lineage"), bool(d, "status"));
    }

    private static OutputDefinition outputDefinition(Element o) {
        String id = child(o, OWS, "Identifier").map(Wps10XmlParser::text).orElseThrow(() -> OwsException.missing("Output/Identifier"));
        return new OutputDefinition(id, bool(o, "asReference"), attribute(o, "mimeType"), attribute(o, "encoding"),
                attribute(o, "schema"), attribute(o, "uom"));
    }

    private static boolean bool(Element e, String name) {
        String v = attribute(e, name);
        if (v == null) return false;
        if (v.equals("true") || v.equals("1")) return true;
        if (v.equals("false") || v.equals("0")) return false;
        throw OwsException.invalid(name, "'" + v + "' is not a boolean");
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }
}
