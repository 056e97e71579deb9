package eu.candela.eodata.grid;

/**
 * An EPSG code that Apache SIS cannot turn into a CRS (unknown code, or one that needs the full EPSG
 * database which is not on the class path).
 */
public final class UnknownCrsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int epsg;

    public UnknownCrsException(int epsg, Throwable cause) {
        super("EPSG:" + epsg + " cannot be resolved: " + cause.getMessage()
                + " (codes other than 4326, 3857 and UTM 326xx/327xx may need org.apache.sis.non-free:sis-embedded-data)", cause);
        this.epsg = epsg;
    }

    public int epsg() {
        return epsg;
    }
}
