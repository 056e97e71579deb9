package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the JSON request bodies: the wrapper object GeoServer expects, and typed fields with clear errors. */
final class RestBodies {
    private RestBodies() {}

    /** The object under {@code wrapper}, e.g. {@code {"workspace":{...}}} -> {@code {...}}. */
    static JsonNode unwrap(JsonNode body, String wrapper) {
        JsonNode inner = body == null ? null : body.get(wrapper);
        if (inner == null || !inner.isObject()) {
            throw RestException.badRequest("the body must be a JSON object {\"" + wrapper + "\":{...}}");
        }
        return inner;
    }

    /** A text field, or null when absent. */
    static String text(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw RestException.badRequest("\"" + field + "\" must be a string");
        return v.asText();
    }

    static String requiredText(JsonNode object, String wrapper, String field) {
        String v = text(object, field);
        if (v == null || v.isBlank()) throw RestException.badRequest(wrapper + "." + field + " is required");
        return v;
    }

    /** A boolean field, or {@code otherwise} when absent; GeoServer clients also send "true"/"false" strings. */
    static boolean bool(JsonNode object, String field, boolean otherwise) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) return otherwise;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) return Boolean.parseBoolean(v.asText());
        throw RestException.badRequest("\"" + field + "\" must be true or false");
    }

    /** The name of a style reference: {@code {"name":"x"}} or plain {@code "x"}. */
    static String styleName(JsonNode ref, String field) {
        if (ref.isTextual()) return ref.asText();
        String name = ref.isObject() ? text(ref, "name") : null;
        if (name == null) throw RestException.badRequest(field + " must name a style: {\"name\":\"...\"}");
        return name;
    }
}
