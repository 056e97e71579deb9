package eu.candela.ows.wms;

/**
 * The WMS service exception codes (WMS 1.3.0 table E.1, WMS 1.1.1 annex A.3) and the HTTP status
 * each is sent with: 400 for what the client got wrong, 500 for server faults. OWSLib raises a
 * ServiceException on either, with the report's message.
 */
public enum WmsExceptionCode {
    InvalidFormat(400),
    /** Reported as {@code InvalidSRS} in WMS 1.1.1. */
    InvalidCRS(400),
    LayerNotDefined(400),
    StyleNotDefined(400),
    LayerNotQueryable(400),
    InvalidPoint(400),
    InvalidUpdateSequence(400),
    MissingParameterValue(400),
    InvalidParameterValue(400),
    OperationNotSupported(400),
    VersionNegotiationFailed(400),
    /** A server fault: no code of its own in WMS, so the report carries none. */
    NoApplicableCode(500);

    private final int httpStatus;

    WmsExceptionCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() { return httpStatus; }

    /** The code written into a report of {@code version}; null when the report carries no code. */
    public String reportedCode(WmsVersion version) {
        if (this == InvalidCRS && version == WmsVersion.V1_1_1) return "InvalidSRS";
        if (this == NoApplicableCode) return null;
        return name();
    }
}
