package eu.candela.ows.inputs;

/** An input reference the policy does not allow, or that could not be fetched. */
public class ReferenceRefusedException extends Exception {
    private final boolean tooLarge;

    public ReferenceRefusedException(String message) {
        this(message, false);
    }

    public ReferenceRefusedException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    /** True when the document is larger than the policy allows (FileSizeExceeded rather than InvalidParameterValue). */
    public boolean tooLarge() { return tooLarge; }
}
