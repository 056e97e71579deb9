package eu.candela.wps.spi;

import java.util.Objects;

/**
 * A GeoJSON document as text, an input sent inline or an output the runner writes to a file.
 * Parsing is left to the algorithm, which knows which geometry types it expects.
 *
 * @param text the GeoJSON document
 */
public record GeoJson(String text) {
    public GeoJson {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("GeoJSON text is blank");
        }
    }
}
