package eu.candela.ows.wms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The key-value pairs of one WMS request. Names are case-insensitive (WMS 1.3.0 section 6.8.1),
 * values are kept as sent; a repeated name keeps its first value. Typed getters report a bad value
 * with the parameter named in upper case, as the standard spells it.
 */
public final class WmsParameters {
    private final Map<String, String> values;

    private WmsParameters(Map<String, String> values) {
        this.values = values;
    }

    /** From already decoded pairs, such as a servlet's parameter map. */
    public static WmsParameters of(Map<String, String[]> decoded) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        decoded.forEach((k, v) -> {
            if (v != null && v.length > 0) map.putIfAbsent(k, v[0]);
        });
        return new WmsParameters(map);
    }

    /** From a raw query string ({@code a=1&b=2}), percent-decoding names and values. */
    public static WmsParameters parse(String rawQuery) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                map.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new WmsParameters(map);
    }

    /** The value, trimmed; empty when absent or blank. */
    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** True when the parameter is present, even with an empty value ({@code STYLES=}). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The raw value, untrimmed, null when absent. */
    public String raw(String name) {
        return values.get(name);
    }

    public String required(String name) {
        return get(name).orElseThrow(() -> WmsException.missing(name));
    }

    /** A comma-separated list; empty items are kept ({@code STYLES=,} is two defaults). */
    public List<String> list(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) return List.of();
        return new ArrayList<>(Arrays.stream(v.split(",", -1)).map(String::trim).toList());
    }

    /** An integer, or {@code fallback} when absent; reported as InvalidParameterValue when it is not one. */
    public int integer(String name, int fallback) {
        Optional<String> v = get(name);
        if (v.isEmpty()) return fallback;
        return parseInteger(name, v.get(), WmsExceptionCode.InvalidParameterValue);
    }

    /** TRUE or FALSE, case-insensitive, {@code fallback} when absent. */
    public boolean bool(String name, boolean fallback) {
        Optional<String> v = get(name);
        if (v.isEmpty()) return fallback;
        return switch (v.get().toUpperCase(Locale.ROOT)) {
            case "TRUE" -> true;
            case "FALSE" -> false;
            default -> throw WmsException.invalid(name, "'" + v.get() + "' is neither TRUE nor FALSE");
        };
    }

    static int parseInteger(String name, String text, WmsExceptionCode code) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new WmsException(code, name, name + " '" + text + "' is not an integer");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
