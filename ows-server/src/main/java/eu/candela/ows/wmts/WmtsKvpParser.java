package eu.candela.ows.wmts;

import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.ows.render.OutputFormat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses WMTS 1.0.0 key-value-pair requests (OGC 07-057r7 §7.2.4 and §8.2.2) and the parts of a
 * RESTful tile URL. Parameter names are case-insensitive, values are not. Locators are the
 * parameter names as the standard spells them (LAYER, TILEMATRIXSET, ...).
 */
public final class WmtsKvpParser {
    public static final String VERSION = "1.0.0";

    private WmtsKvpParser() {}

    public static WmtsRequest parse(String rawQuery) {
        Map<String, String> params = params(rawQuery);
        String service = params.get("SERVICE");
        if (service == null || service.isEmpty()) throw OwsException.missing("SERVICE");
        if (!service.equalsIgnoreCase("WMTS")) {
            throw OwsException.invalid("SERVICE", "Service '" + service + "' is not offered here; use WMTS");
        }
        String request = params.get("REQUEST");
        if (request == null || request.isEmpty()) throw OwsException.missing("REQUEST");
        return switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> new WmtsRequest.GetCapabilities();
            case "gettile" -> new WmtsRequest.GetTile(getTile(params));
            default -> throw new OwsException(OwsExceptionCode.OperationNotSupported, "REQUEST",
                    "Operation '" + request + "' is not supported; use GetCapabilities or GetTile");
        };
    }

    private static GetTileRequest getTile(Map<String, String> params) {
        String version = params.get("VERSION");
        if (version != null && !version.isEmpty() && !version.equals(VERSION)) {
            throw OwsException.invalid("VERSION", "Version '" + version + "' is not supported; use " + VERSION);
        }
        String layer = required(params, "LAYER");
        String style = params.getOrDefault("STYLE", "");
        OutputFormat format = format(required(params, "FORMAT"), "FORMAT");
        String tms = required(params, "TILEMATRIXSET");
        String matrix = required(params, "TILEMATRIX");
        long row = index(required(params, "TILEROW"), "TILEROW");
        long col = index(required(params, "TILECOL"), "TILECOL");
        return new GetTileRequest(layer, style, format, tms, matrix, row, col);
    }

    /** The tile formats offered: 32-bit PNG and JPEG (an 8-bit PNG would share the PNG cache files). */
    public static OutputFormat format(String value, String locator) {
        OutputFormat format = OutputFormat.of(value).orElse(null);
        if (format != OutputFormat.PNG && format != OutputFormat.JPEG) {
            throw OwsException.invalid(locator, "Format '" + value + "' is not offered; use image/png or image/jpeg");
        }
        return format;
    }

    /** A tile row or column: an integer; a negative one is a tile outside the matrix. */
    public static long index(String value, String locator) {
        long index;
        try {
            index = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw OwsException.invalid(locator, locator + " must be an integer, got '" + value + "'");
        }
        if (index < 0) {
            throw new OwsException(OwsExceptionCode.TileOutOfRange, locator, locator + " must not be negative, got " + index);
        }
        return index;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) throw OwsException.missing(name);
        return value;
    }

    /** Upper-cased names to decoded values; the first occurrence of a repeated name wins. */
    static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) return params;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OwsException(OwsExceptionCode.NoApplicableCode, null, "Malformed percent-encoding in the query", 400);
        }
    }
}
