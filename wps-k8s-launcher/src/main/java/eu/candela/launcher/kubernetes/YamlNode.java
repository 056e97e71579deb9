package eu.candela.launcher.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value of a parsed YAML document with its dotted path, so that every type error names the key
 * ({@code images.yaml: processes.Hello.gpu: expected a whole number, was "one"}).
 */
record YamlNode(String source, String path, Object value) {

    YamlNode child(String key, Object childValue) {
        return new YamlNode(source, path.isEmpty() ? key : path + "." + key, childValue);
    }

    boolean isAbsent() {
        return value == null;
    }

    InvalidProcessImagesException error(String problem) {
        return new InvalidProcessImagesException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    /** A mapping with string keys; absent reads as empty. */
    Map<String, Object> map() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw error("expected a mapping, was " + describe(value));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw error("keys must be strings, found " + describe(entry.getKey()));
            }
            result.put(key, entry.getValue());
        }
        return result;
    }

    void allowOnly(Map<String, Object> map, Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw child(key, null).error("unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    /** A scalar as text: YAML reads {@code cpu: 1} as a number, Kubernetes wants {@code "1"}. */
    String scalar() {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw error("expected a single value, was " + describe(value));
    }

    String string() {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw error("expected a non-empty string, was " + describe(value));
    }

    long wholeNumber(long min) {
        if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            if (number < min) {
                throw error("must be at least " + min + ", was " + number);
            }
            return number;
        }
        throw error("expected a whole number, was " + describe(value));
    }

    List<String> stringList() {
        if (!(value instanceof List<?> raw)) {
            throw error("expected a list, was " + describe(value));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            result.add(child(Integer.toString(i), raw.get(i)).scalar());
        }
        return result;
    }

    List<YamlNode> list() {
        if (!(value instanceof List<?> raw)) {
            throw error("expected a list, was " + describe(value));
        }
        List<YamlNode> result = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            result.add(child(Integer.toString(i), raw.get(i)));
        }
        return result;
    }

    /** A mapping of scalars, e.g. {@code env} or {@code nodeSelector}. */
    Map<String, String> stringMap() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map().entrySet()) {
            result.put(entry.getKey(), child(entry.getKey(), entry.getValue()).scalar());
        }
        return result;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value.toString();
    }
}
