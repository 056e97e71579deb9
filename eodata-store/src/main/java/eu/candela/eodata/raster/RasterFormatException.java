package eu.candela.eodata.raster;

import java.io.IOException;

/**
 * The content of a raster file is wrong: not a TIFF, truncated, inconsistent tags, missing
 * georeferencing. Distinct from plain {@link IOException} (the disk failed) so callers can map it to
 * "bad input" rather than "server error".
 */
public class RasterFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public RasterFormatException(String message) {
        super(message);
    }

    public RasterFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
