package eu.candela.ows.wms;

import java.util.Objects;

/**
 * A WMS request that cannot be answered, with its code and the locator (the parameter it
 * concerns, null when none applies). Rendered as a ServiceExceptionReport, or into an image when
 * the request asked for {@code EXCEPTIONS=INIMAGE} or {@code BLANK}.
 */
public class WmsException extends RuntimeException {
    private final WmsExceptionCode code;
    private final String locator;

    public WmsException(WmsExceptionCode code, String locator, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.locator = locator;
    }

    public WmsException(WmsExceptionCode code, String locator, String message, Throwable cause) {
        this(code, locator, message);
        initCause(cause);
    }

    public static WmsException missing(String locator) {
        return new WmsException(WmsExceptionCode.MissingParameterValue, locator, "Missing parameter '" + locator + "'");
    }

    public static WmsException invalid(String locator, String message) {
        return new WmsException(WmsExceptionCode.InvalidParameterValue, locator, message);
    }

    public WmsExceptionCode code() { return code; }

    public String locator() { return locator; }

    public int httpStatus() { return code.httpStatus(); }
}
