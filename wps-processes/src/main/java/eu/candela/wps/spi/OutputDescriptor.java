package eu.candela.wps.spi;

import java.util.List;
import java.util.Objects;

/**
 * One output of a process. Derived from the output record's annotations; immutable.
 *
 * @param id          identifier (the record component name)
 * @param title       short human title
 * @param description longer text, may be empty
 * @param kind        literal or complex (bounding box outputs are not produced by any process yet)
 * @param literalType for literal outputs, the type; null otherwise
 * @param uom         unit of a literal output, null when unitless
 * @param formats     for complex outputs, the formats offered, first is the default; empty otherwise
 * @param style       display style for a raster output published as a layer; empty to let the server choose
 */
public record OutputDescriptor(String id, String title, String description, DataKind kind,
                               LiteralType literalType, String uom, List<Format> formats,
                               String style) {
    public OutputDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        title = title == null ? id : title;
        description = description == null ? "" : description;
        style = style == null ? "" : style;
        formats = List.copyOf(formats == null ? List.of() : formats);
        if (kind == DataKind.COMPLEX && formats.isEmpty()) {
            throw new IllegalArgumentException("output " + id + ": a complex output needs at least one format");
        }
        if (kind == DataKind.LITERAL && literalType == null) {
            throw new IllegalArgumentException("output " + id + ": a literal needs a literalType");
        }
    }
}
