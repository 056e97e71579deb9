package eu.candela.ows.wmts;

import eu.candela.ows.exception.ExceptionReportCodec;
import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders every WMTS error as an OWS 1.1 ExceptionReport (OGC 07-057r7 §8.2.4) with its code and
 * locator. Anything unexpected becomes NoApplicableCode / 500, logged once here.
 */
@RestControllerAdvice(basePackageClasses = WmtsController.class)
public class WmtsExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WmtsExceptionHandler.class);

    @ExceptionHandler(OwsException.class)
    public ResponseEntity<byte[]> ows(OwsException e) {
        if (e.httpStatus() >= 500) {
            LOG.warn("WMTS {} ({}): {}", e.code(), e.locator(), e.getMessage());
        }
        return report(e);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> unexpected(Exception e) {
        if (e.getCause() instanceof OwsException ows) return ows(ows);
        LOG.error("Unexpected error while answering a WMTS request", e);
        return report(new OwsException(OwsExceptionCode.NoApplicableCode, null,
                "Internal server error; the server log has the details"));
    }

    private static ResponseEntity<byte[]> report(OwsException e) {
        return ResponseEntity.status(e.httpStatus()).contentType(MediaType.APPLICATION_XML)
                .body(ExceptionReportCodec.encode(e, WmtsKvpParser.VERSION));
    }
}
