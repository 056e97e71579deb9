package eu.candela.ows.exception;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders every error of the OGC endpoints as an OWS ExceptionReport. Anything unexpected becomes
 * NoApplicableCode / 500, logged once here, with no stack trace sent to the client.
 */
@RestControllerAdvice(basePackages = "eu.candela.ows.wps10")
public class OwsExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OwsExceptionHandler.class);

    @ExceptionHandler(OwsException.class)
    public ResponseEntity<byte[]> ows(OwsException e) {
        if (e.httpStatus() >= 500) {
            LOG.warn("{} ({}): {}", e.code(), e.locator(), e.getMessage());
        }
        return report(e);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> unexpected(Exception e) {
        if (e.getCause() instanceof OwsException ows) {
            return ows(ows);
        }
        LOG.error("Unexpected error while answering an OGC request", e);
        return report(new OwsException(OwsExceptionCode.NoApplicableCode, null,
                "Internal server error; the server log has the details"));
    }

    private static ResponseEntity<byte[]> report(OwsException e) {
        return ResponseEntity.status(e.httpStatus()).contentType(MediaType.APPLICATION_XML)
                .body(ExceptionReportCodec.encode(e, "1.0.0"));
    }
}
