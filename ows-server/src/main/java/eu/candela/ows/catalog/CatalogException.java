package eu.candela.ows.catalog;

/**
 * A catalogue change that cannot be made; the catalogue is left as it was. {@link Reason} says why,
 * so each front maps it to its own code (REST: 404 / 409 / 400).
 */
public class CatalogException extends Exception {

    public enum Reason {
        /** something named does not exist */
        NOT_FOUND,
        /** it exists already, or is still in use */
        CONFLICT,
        /** the content is invalid (a bad name, an SLD that does not parse, a file that is not a GeoTIFF) */
        INVALID
    }

    private final Reason reason;

    public CatalogException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CatalogException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
