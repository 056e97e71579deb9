package eu.candela.ows.wmts;

import eu.candela.ows.render.OutputFormat;

import java.util.Objects;

/**
 * An encoded tile ready to send.
 *
 * @param body   the PNG or JPEG bytes
 * @param format its format
 * @param etag   a quoted entity tag that changes whenever the layer or style does
 * @param source where it came from, for the X-Cache header and tests
 */
public record Tile(byte[] body, OutputFormat format, String etag, Source source) {
    public enum Source { RENDERED, CACHE, EMPTY }

    public Tile {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(source, "source");
    }
}
