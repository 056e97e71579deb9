package eu.candela.ows.wps10;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One input of an Execute request, as the client sent it (before the server resolves it). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InputSpec.Literal.class, name = "literal"),
        @JsonSubTypes.Type(value = InputSpec.Complex.class, name = "complex"),
        @JsonSubTypes.Type(value = InputSpec.Reference.class, name = "reference"),
        @JsonSubTypes.Type(value = InputSpec.BoundingBox.class, name = "bbox")})
public sealed interface InputSpec {
    String id();

    /** {@code <wps:LiteralData>} or a plain KVP value. */
    record Literal(String id, String value, String dataType, String uom) implements InputSpec {
        public Literal {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code <wps:ComplexData>}: inline text (GeoJSON) or base64 when {@code encoding} is base64. */
    record Complex(String id, String content, String mimeType, String encoding, String schema) implements InputSpec {
        public Complex {
            Objects.requireNonNull(id, "id");
            content = content == null ? "" : content;
        }

        public boolean base64() {
            return encoding != null && encoding.equalsIgnoreCase("base64");
        }
    }

    /** {@code <wps:Reference xlink:href>}: the server fetches it (GET, or POST with a body). */
    record Reference(String id, String href, String mimeType, String encoding, String schema, String method,
                     String body, Map<String, String> headers) implements InputSpec {
        public Reference {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(href, "href");
            method = method == null ? "GET" : method;
            headers = Map.copyOf(headers == null ? Map.of() : headers);
        }
    }

    /** {@code <wps:BoundingBoxData>} or a KVP {@code minx,miny,maxx,maxy[,crs]}. */
    record BoundingBox(String id, List<Double> lower, List<Double> upper, String crs) implements InputSpec {
        public BoundingBox {
            Objects.requireNonNull(id, "id");
            lower = List.copyOf(lower);
            upper = List.copyOf(upper);
        }
    }
}
