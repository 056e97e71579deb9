package eu.candela.ows.wps10;

import java.nio.file.Path;
import java.util.Objects;

/** A protocol answer independent of the web framework: a status, a media type and a body in memory or in a file. */
public record OwsResponse(int status, String contentType, byte[] body, Path file) {
    public OwsResponse {
        Objects.requireNonNull(contentType, "contentType");
        if ((body == null) == (file == null)) throw new IllegalArgumentException("exactly one of body and file");
    }

    public static OwsResponse xml(byte[] body) {
        return new OwsResponse(200, "application/xml", body, null);
    }

    public static OwsResponse of(int status, String contentType, byte[] body) {
        return new OwsResponse(status, contentType, body, null);
    }

    public static OwsResponse file(String contentType, Path file) {
        return new OwsResponse(200, contentType, null, file);
    }
}
