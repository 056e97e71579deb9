package eu.candela.wps.jobdir;

import java.util.Objects;

/**
 * A small complex input sent inline in the request, such as a GeoJSON geometry.
 *
 * @param text     the document
 * @param mimeType the media type the client declared, or {@code null} for the input's default format
 */
public record InlineValue(String text, String mimeType) implements InputValue {
    public InlineValue {
        Objects.requireNonNull(text, "text");
    }
}
