package eu.candela.eodata.sentinel1;

import java.io.IOException;

/**
 * A Sentinel-1 SAFE product is not what its manifest or metadata say, or not a product this reader
 * handles (not a GRD, a polarisation it does not have, a malformed XML file). The message names the
 * file and the element. Distinct from plain {@link IOException} so callers can report it as bad input.
 */
public class SafeFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public SafeFormatException(String message) {
        super(message);
    }

    public SafeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
