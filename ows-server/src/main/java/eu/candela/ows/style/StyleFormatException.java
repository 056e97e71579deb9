package eu.candela.ows.style;

/** An SLD document that is not well-formed, not SLD 1.0, or has no usable RasterSymbolizer; the message says where. */
public class StyleFormatException extends Exception {
    public StyleFormatException(String message) {
        super(message);
    }

    public StyleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
