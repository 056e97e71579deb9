package eu.candela.ows.wms;

import java.util.Objects;

/**
 * A WMS answer independent of the web framework.
 *
 * @param status       HTTP status
 * @param contentType  the Content-Type header, exactly the requested format
 * @param body         the bytes
 * @param cacheControl the Cache-Control header
 */
public record WmsResponse(int status, String contentType, byte[] body, String cacheControl) {
    /** Maps change when their layer or style does: clients may reuse one for a minute. */
    static final String MAP_CACHING = "public, max-age=60";
    static final String NO_CACHING = "no-cache";

    public WmsResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(cacheControl, "cacheControl");
    }

    static WmsResponse ok(String contentType, byte[] body, String cacheControl) {
        return new WmsResponse(200, contentType, body, cacheControl);
    }
}
