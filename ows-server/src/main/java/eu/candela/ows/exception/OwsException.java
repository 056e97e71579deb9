package eu.candela.ows.exception;

import java.util.Objects;

/**
 * An error a client caused or the server hit, with the OWS exception code and the locator (the
 * parameter or input it concerns). One exception for every OGC front, as deegree does.
 */
public class OwsException extends RuntimeException {
    private final OwsExceptionCode code;
    private final String locator;
    private final int httpStatus;

    public OwsException(OwsExceptionCode code, String locator, String message) {
        this(code, locator, message, code.httpStatus());
    }

    /** For the few cases where the code's usual status is wrong, such as NoApplicableCode for a malformed request (400). */
    public OwsException(OwsExceptionCode code, String locator, String message, int httpStatus) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.locator = locator;
        this.httpStatus = httpStatus;
    }

    public OwsException(OwsExceptionCode code, String locator, String message, Throwable cause) {
        this(code, locator, message);
        initCause(cause);
    }

    public static OwsException missing(String locator) {
        return new OwsException(OwsExceptionCode.MissingParameterValue, locator, "Missing parameter '" + locator + "'");
    }

    public static OwsException invalid(String locator, String message) {
        return new OwsException(OwsExceptionCode.InvalidParameterValue, locator, message);
    }

    public OwsExceptionCode code() { return code; }

    public int httpStatus() { return httpStatus; }

    /** The parameter, input or job the error concerns; null when none applies. */
    public String locator() { return locator; }
}
