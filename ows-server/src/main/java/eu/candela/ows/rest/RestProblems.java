package eu.candela.ows.rest;

import eu.candela.ows.catalog.CatalogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * The one table from errors of the REST API to HTTP status, each rendered as RFC 9457 problem JSON
 * ({@code application/problem+json}: type, title, status, detail). Anything unexpected is a 500,
 * logged once here, with no stack trace sent.
 */
@RestControllerAdvice(basePackages = "eu.candela.ows.rest")
class RestProblems {
    private static final Logger LOG = LoggerFactory.getLogger(RestProblems.class);

    private static final Map<CatalogException.Reason, HttpStatus> CATALOG_STATUS = Map.of(
            CatalogException.Reason.NOT_FOUND, HttpStatus.NOT_FOUND,
            CatalogException.Reason.CONFLICT, HttpStatus.CONFLICT,
            CatalogException.Reason.INVALID, HttpStatus.BAD_REQUEST);

    @ExceptionHandler(CatalogException.class)
    ResponseEntity<ProblemDetail> catalog(CatalogException e) {
        return problem(CATALOG_STATUS.get(e.reason()), e.getMessage());
    }

    @ExceptionHandler(RestException.class)
    ResponseEntity<ProblemDetail> rest(RestException e) {
        return problem(e.status(), e.getMessage());
    }

    /** A name that breaks {@code CatalogNames}, caught by a record's constructor. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "the request body is not well-formed JSON");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + e.getContentType()
                + " is not accepted here; use one of " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "this resource is available as " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "the query parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("Unexpected error while answering a REST request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal server error; the server log has the details");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
