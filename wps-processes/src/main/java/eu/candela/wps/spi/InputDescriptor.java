package eu.candela.wps.spi;

import java.util.List;
import java.util.Objects;

/**
 * One input of a process as every protocol front describes it. Derived from the input record's
 * annotations at start-up; immutable.
 *
 * @param id            the identifier clients use (the record component name)
 * @param title         short human title
 * @param description   longer text, may be empty
 * @param kind          literal, complex or bounding box
 * @param literalType   for literals, the data type; null otherwise
 * @param uom           unit of measure of a literal, null when unitless
 * @param allowedValues for literals, the closed list of accepted values; empty when any value of the type is accepted
 * @param minimum       inclusive lower bound of a numeric literal, null when unbounded
 * @param maximum       inclusive upper bound of a numeric literal, null when unbounded
 * @param defaultValue  the default literal as text, null when the input has none
 * @param minOccurs     0 for optional inputs, 1 for required ones
 * @param maxOccurs     at least 1
 * @param formats       for complex inputs, the accepted formats, first is the default; empty otherwise
 * @param supportedCrs  for bounding boxes, the accepted CRS URNs or EPSG codes, first is the default; empty otherwise
 */
public record InputDescriptor(String id, String title, String description, DataKind kind,
                              LiteralType literalType, String uom, List<String> allowedValues,
                              Double minimum, Double maximum, String defaultValue,
                              int minOccurs, int maxOccurs, List<Format> formats, List<String> supportedCrs) {
    public InputDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        title = title == null ? id : title;
        description = description == null ? "" : description;
        allowedValues = List.copyOf(allowedValues == null ? List.of() : allowedValues);
        formats = List.copyOf(formats == null ? List.of() : formats);
        supportedCrs = List.copyOf(supportedCrs == null ? List.of() : supportedCrs);
        if (kind == DataKind.LITERAL && literalType == null) {
            throw new IllegalArgumentException("input " + id + ": a literal needs a literalType");
        }
        if (kind == DataKind.COMPLEX && formats.isEmpty()) {
            throw new IllegalArgumentException("input " + id + ": a complex input needs at least one format");
        }
        if (minOccurs < 0 || maxOccurs < 1 || minOccurs > maxOccurs) {
            throw new IllegalArgumentException("input " + id + ": occurrences " + minOccurs + ".." + maxOccurs);
        }
        if (minimum != null && maximum != null && minimum > maximum) {
            throw new IllegalArgumentException("input " + id + ": minimum " + minimum + " above maximum " + maximum);
        }
    }

    public boolean required() { return minOccurs > 0; }

    /**
     * Parses and checks one literal value against type, range and allowed values.
     *
     * @return the typed value ({@link String}, {@link Integer}, {@link Double} or {@link Boolean})
     * @throws InvalidInputException with this input as locator when the value is not acceptable
     */
    public Object parseLiteral(String text) {
        if (kind != DataKind.LITERAL) {
            throw new InvalidInputException(id, "is " + kind.name().toLowerCase().replace('_', ' ') + " data, not a literal");
        }
        Object value;
        try {
            value = literalType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(id, e.getMessage());
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(String.valueOf(value))) {
            throw new InvalidInputException(id, "'" + text + "' is not one of " + allowedValues);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if ((minimum != null && d < minimum) || (maximum != null && d > maximum)) {
                throw new InvalidInputException(id, "value " + text.trim() + " is outside the range ["
                        + (minimum == null ? "-inf" : minimum) + ", " + (maximum == null ? "inf" : maximum) + "]");
            }
        }
        return value;
    }
}
