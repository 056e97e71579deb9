package eu.candela.ows.rest;

import org.springframework.http.HttpStatus;

/** A REST request refused before the catalogue is asked (bad body, wrong type, too large); rendered as problem JSON. */
class RestException extends RuntimeException {
    private final HttpStatus status;

    RestException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() { return status; }

    static RestException badRequest(String detail) {
        return new RestException(HttpStatus.BAD_REQUEST, detail);
    }
}
