package eu.candela.wps.spi;

/** No process with the requested id is available; carries the id so fronts can report it as the locator. */
public class UnknownProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String processId;

    public UnknownProcessException(String processId) {
        super("Unknown process '" + processId + "'");
        this.processId = processId;
    }

    public String processId() { return processId; }
}
