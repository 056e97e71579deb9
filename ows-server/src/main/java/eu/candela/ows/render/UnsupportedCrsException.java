package eu.candela.ows.render;

/** A map CRS the server does not know, or one the coverage cannot be projected into. */
public class UnsupportedCrsException extends RuntimeException {
    private final int epsg;

    public UnsupportedCrsException(int epsg, String message, Throwable cause) {
        super(message, cause);
        this.epsg = epsg;
    }

    public int epsg() { return epsg; }
}
