package eu.candela.launcher.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser for the job directory's small files, so the launcher module needs no
 * JSON library (DESIGN.md: it depends on nothing). Objects become maps, arrays lists, numbers
 * {@link Double}, and {@code null} stays null. Not for large documents.
 */
final class JsonObjectParser {
    private final String text;
    private int pos;

    private JsonObjectParser(String text) {
        this.text = text;
    }

    /** Parses a document whose top level is an object; throws {@link IllegalArgumentException} on any syntax error. */
    static Map<String, Object> parseObject(String text) {
        JsonObjectParser parser = new JsonObjectParser(text);
        parser.skipWhitespace();
        if (!parser.peekIs('{')) {
            throw parser.error("expected '{'");
        }
        Map<String, Object> object = parser.object();
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the object");
        }
        return object;
    }

    private Object value() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of document");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default: return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        pos++; // '{'
        skipWhitespace();
        if (consume('}')) {
            return object;
        }
        do {
            skipWhitespace();
            if (!peekIs('"')) {
                throw error("expected a member name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            object.put(name, value());
            skipWhitespace();
        } while (consume(','));
        expect('}');
        return object;
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        pos++; // '['
        skipWhitespace();
        if (consume(']')) {
            return array;
        }
        do {
            array.add(value());
            skipWhitespace();
        } while (consume(','));
        expect(']');
        return array;
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'u': out.append(unicodeEscape()); break;
                case '"': case '\\': case '/': out.append(escaped); break;
                default: throw error("invalid escape \\" + escaped);
            }
        }
        throw error("unterminated string");
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.valueOf(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("invalid value");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid value");
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peekIs(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean consume(char c) {
        if (peekIs(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
