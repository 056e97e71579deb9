package eu.candela.ows.wps10;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.wps.spi.DataKind;
import eu.candela.wps.spi.InputDescriptor;
import eu.candela.wps.spi.ProcessDescriptor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses WPS 1.0.0 key-value-pair requests (OGC 05-007r7 section 10.2.2). Works on the raw query
 * string: inside DataInputs, {@code ; @ =} separate inputs, attributes and values, and a value
 * may carry them only percent-encoded, so splitting must happen before decoding.
 */
public final class Wps10KvpParser {
    private final Function<String, Optional<ProcessDescriptor>> processes;

    public Wps10KvpParser(Function<String, Optional<ProcessDescriptor>> processes) {
        this.processes = processes;
    }

    public Wps10Request parse(String rawQuery) {
        Map<String, String> params = rawParams(rawQuery);
        String service = decoded(params, "service");
        if (service == null) throw OwsException.missing("service");
        if (!service.equalsIgnoreCase("WPS")) {
            throw OwsException.invalid("service", "Service '" + service + "' is not offered here; use WPS");
        }
        String request = decoded(params, "request");
        if (request == null) throw OwsException.missing("request");
        String language = decoded(params, "language");
        switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities":
                String versions = decoded(params, "acceptversions");
                return new Wps10Request.GetCapabilities(versions == null ? List.of() : split(versions, ","), language);
            case "describeprocess":
                requireVersion(params);
                return new Wps10Request.DescribeProcess(split(required(params, "identifier"), ","), language);
            case "execute":
                requireVersion(params);
                return new Wps10Request.Execute(execute(params, language));
            default:
                throw new OwsException(OwsExceptionCode.OperationNotSupported, "request",
                        "Operation '" + request + "' is not supported; use GetCapabilities, DescribeProcess or Execute");
        }
    }

    private ExecuteRequest execute(Map<String, String> params, String language) {
        String processId = required(params, "identifier");
        ProcessDescriptor process = processes.apply(processId).orElseThrow(() ->
                OwsException.invalid("Identifier", "No process named '" + processId + "'"));
        List<InputSpec> inputs = new ArrayList<>();
        String dataInputs = unwrapEncoded(params.get("datainputs"));
        if (dataInputs != null && !dataInputs.isEmpty()) {
            for (String rawInput : splitRaw(stripBrackets(dataInputs), ';')) {
                if (!rawInput.isBlank()) inputs.add(input(process, rawInput));
            }
        }
        return new ExecuteRequest(processId, inputs, responseForm(params), language);
    }

    private static InputSpec input(ProcessDescriptor process, String raw) {
        List<String> parts = splitRaw(raw, '@');
        String head = parts.get(0);
        int eq = head.indexOf('=');
        String id = decode(eq < 0 ? head : head.substring(0, eq));
        String value = eq < 0 ? "" : decode(head.substring(eq + 1));
        Map<String, String> attrs = attributes(parts.subList(1, parts.size()));
        InputDescriptor desc = process.input(id).orElseThrow(() ->
                OwsException.invalid(id, "Process " + process.id() + " has no input '" + id + "'"));
        String href = attrs.getOrDefault("xlink:href", attrs.get("href"));
        if (href != null) {
            return new InputSpec.Reference(id, href, attrs.get("mimetype"), attrs.get("encoding"),
                    attrs.get("schema"), attrs.get("method"), null, Map.of());
        }
        if (desc.kind() == DataKind.COMPLEX) {
            return new InputSpec.Complex(id, value, attrs.get("mimetype"), attrs.get("encoding"), attrs.get("schema"));
        }
        if (desc.kind() == DataKind.BOUNDING_BOX) {
            return boundingBox(id, value, attrs.get("crs"));
        }
        return new InputSpec.Literal(id, value, attrs.get("datatype"), attrs.get("uom"));
    }

    /** {@code minx,miny,maxx,maxy[,crs]}; an odd count of numbers followed by a CRS is also accepted for 3-D. */
    static InputSpec.BoundingBox boundingBox(String id, String value, String crsAttribute) {
        List<String> parts = new ArrayList<>(Arrays.asList(value.split(",")));
        String crs = crsAttribute;
        if (!parts.isEmpty() && !isNumber(parts.get(parts.size() - 1))) {
            crs = parts.remove(parts.size() - 1).trim();
        }
        if (parts.size() < 4 || parts.size() % 2 != 0) {
            throw OwsException.invalid(id, "Bounding box '" + value + "' needs minx,miny,maxx,maxy[,crs]");
        }
        int dim = parts.size() / 2;
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        for (int i = 0; i < dim; i++) {
            lower.add(coordinate(id, parts.get(i)));
            upper.add(coordinate(id, parts.get(i + dim)));
        }
        return new InputSpec.BoundingBox(id, lower, upper, crs);
    }

    static double coordinate(String id, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
            // reported below with the input named
        }
        throw OwsException.invalid(id, "Bounding box coordinate '" + text.trim() + "' is not a number");
    }

    private static ResponseForm responseForm(Map<String, String> params) {
        String raw = unwrapEncoded(params.get("rawdataoutput"));
        if (raw != null) {
            List<OutputDefinition> defs = outputDefinitions(raw);
            if (defs.size() != 1) {
                throw OwsException.invalid("RawDataOutput", "RawDataOutput names exactly one output");
            }
            return new ResponseForm.Raw(defs.get(0));
        }
        String doc = unwrapEncoded(params.get("responsedocument"));
        return new ResponseForm.Document(doc == null ? List.of() : outputDefinitions(doc),
                flag(params, "storeExecuteResponse"), flag(params, "lineage"), flag(params, "status"));
    }

    private static List<OutputDefinition> outputDefinitions(String raw) {
        List<OutputDefinition> result = new ArrayList<>();
        for (String item : splitRaw(stripBrackets(raw), ';')) {
            if (item.isBlank()) continue;
            List<String> parts = splitRaw(item, '@');
            String id = decode(parts.get(0));
            Map<String, String> a = attributes(parts.subList(1, parts.size()));
            result.add(new OutputDefinition(id, Boolean.parseBoolean(a.get("asreference")), a.get("mimetype"),
                    a.get("encoding"), a.get("schema"), a.get("uom")));
        }
        return result;
    }

    private static Map<String, String> attributes(List<String> rawAttributes) {
        Map<String, String> attrs = new HashMap<>();
        for (String a : rawAttributes) {
            int eq = a.indexOf('=');
            if (eq < 0) continue;
            attrs.put(decode(a.substring(0, eq)).toLowerCase(Locale.ROOT), decode(a.substring(eq + 1)));
        }
        return attrs;
    }

    private static boolean flag(Map<String, String> params, String key) {
        String v = decoded(params, key.toLowerCase(Locale.ROOT));
        if (v == null) return false;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw OwsException.invalid(key, "'" + v + "' is not true or false");
    }

    private static void requireVersion(Map<String, String> params) {
        String version = decoded(params, "version");
        if (version == null) throw OwsException.missing("version");
        if (!version.equals("1.0.0")) {
            throw new OwsException(OwsExceptionCode.InvalidParameterValue, "version",
                    "Version " + version + " is not supported by this endpoint; use 1.0.0");
        }
    }

    private static String required(Map<String, String> params, String key) {
        String v = decoded(params, key);
        if (v == null || v.isBlank()) throw OwsException.missing(canonical(key));
        return v;
    }

    private static String canonical(String key) {
        return key.equals("identifier") ? "Identifier" : key;
    }

    /** Keys lower-cased and decoded, values left raw. A repeated key keeps its first value. */
    static Map<String, String> rawParams(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) return params;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            params.putIfAbsent(key, eq < 0 ? "" : pair.substring(eq + 1));
        }
        return params;
    }

    private static String decoded(Map<String, String> params, String key) {
        String raw = params.get(key);
        return raw == null ? null : decode(raw);
    }

    /**
     * Splits on a separator that appears literally. Values that contain the separator arrive
     * percent-encoded (%3B, %40, %3D), so they survive until {@link #decode}.
     */
    private static List<String> splitRaw(String raw, char separator) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == separator) {
                out.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        out.add(raw.substring(start));
        return out;
    }

    /**
     * Many clients percent-encode the whole value, separators included ({@code name%3Dx%3Bb%3Dy}).
     * A value with no literal separator at all was encoded that way: decode it once, and its
     * pieces are decoded again after splitting, as for a value that kept its separators.
     */
    private static String unwrapEncoded(String raw) {
        if (raw == null) return null;
        boolean literalSeparators = raw.indexOf('=') >= 0 || raw.indexOf('@') >= 0 || raw.indexOf(';') >= 0;
        return literalSeparators || raw.indexOf('%') < 0 ? raw : decode(raw);
    }

    private static String stripBrackets(String raw) {
        String s = raw.trim();
        if (s.startsWith("[") && s.endsWith("]")) return s.substring(1, s.length() - 1);
        if (s.startsWith("%5B") && s.endsWith("%5D")) return s.substring(3, s.length() - 3);
        return s;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid(null, "Malformed percent-encoding in '" + s + "'");
        }
    }

    private static List<String> split(String s, String sep) {
        return Arrays.stream(s.split(sep)).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
