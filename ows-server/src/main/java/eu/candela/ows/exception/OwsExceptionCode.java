package eu.candela.ows.exception;

/**
 * The OWS 1.1 / WPS 1.0.0 exception codes and the HTTP status each maps to (OGC 06-121r3 table 28,
 * OGC 05-007r7 table 62). One table, so every front reports the same error the same way.
 */
public enum OwsExceptionCode {
    MissingParameterValue(400),
    InvalidParameterValue(400),
    VersionNegotiationFailed(400),
    InvalidUpdateSequence(400),
    OperationNotSupported(501),
    OptionNotSupported(501),
    StorageNotSupported(400),
    NoApplicableCode(500),
    NotEnoughStorage(507),
    ServerBusy(503),
    FileSizeExceeded(413),
    /** WMTS 1.0.0 (OGC 07-057r7 table 23): TILEROW or TILECOL outside the tile matrix. */
    TileOutOfRange(400),
    /** Not an OWS code of its own; reported as InvalidParameterValue with the job id as locator. */
    NoSuchJob(404);

    private final int httpStatus;

    OwsExceptionCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() { return httpStatus; }

    /** The code written into the report: NoSuchJob is not in the WPS 1.0 list, so it travels as InvalidParameterValue. */
    public String reportedCode() {
        return this == NoSuchJob ? InvalidParameterValue.name() : name();
    }
}
