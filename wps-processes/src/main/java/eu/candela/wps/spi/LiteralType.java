package eu.candela.wps.spi;

import java.util.Locale;

/** The literal data types a process input or output may have, named as in XML Schema (WPS 1.0 uses xs: types). */
public enum LiteralType {
    STRING("string", String.class),
    INTEGER("integer", Integer.class),
    DOUBLE("double", Double.class),
    BOOLEAN("boolean", Boolean.class);

    private final String xsName;
    private final Class<?> javaType;

    LiteralType(String xsName, Class<?> javaType) {
        this.xsName = xsName;
        this.javaType = javaType;
    }

    /** The XML Schema type name without prefix, for example {@code double}. */
    public String xsName() { return xsName; }

    /** The OGC definition URN reported in DescribeProcess, for example {@code http://www.w3.org/TR/xmlschema-2/#double}. */
    public String reference() { return "http://www.w3.org/TR/xmlschema-2/#" + xsName; }

    public Class<?> javaType() { return javaType; }

    /**
     * Parses a literal as given in a request.
     *
     * @throws IllegalArgumentException naming the expected type when the text is not of this type
     */
    public Object parse(String text) {
        String t = text.trim();
        try {
            return switch (this) {
                case STRING -> text;
                case INTEGER -> Integer.valueOf(t);
                case DOUBLE -> {
                    double d = Double.parseDouble(t);
                    if (!Double.isFinite(d)) throw new NumberFormatException();
                    yield d;
                }
                case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                    case "true", "1" -> Boolean.TRUE;
                    case "false", "0" -> Boolean.FALSE;
                    default -> throw new NumberFormatException();
                };
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a valid " + xsName);
        }
    }

    public static LiteralType of(Class<?> type) {
        if (type == String.class || type.isEnum()) return STRING;
        if (type == Integer.class || type == int.class) return INTEGER;
        if (type == Double.class || type == double.class) return DOUBLE;
        if (type == Boolean.class || type == boolean.class) return BOOLEAN;
        throw new IllegalArgumentException("no literal type for " + type.getName());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
