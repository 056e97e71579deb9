package eu.candela.wps.spi;

/** Thrown by {@link ProcessContext#checkCancelled()} to unwind an algorithm whose job was cancelled. */
public class ProcessCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProcessCancelledException() {
        super("the job was cancelled");
    }
}
