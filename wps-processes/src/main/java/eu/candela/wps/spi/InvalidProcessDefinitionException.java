package eu.candela.wps.spi;

/**
 * An algorithm class declares its process inconsistently (a minimum above the maximum, a default
 * outside the range, an unsupported type ...). Raised at start-up, so a broken process never gets
 * published; the message names the process and, when one is at fault, the input or output.
 */
public class InvalidProcessDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String processId;
    private final String parameterId;

    /**
     * @param processId   the process id, or the class name when the class has no usable id
     * @param parameterId the input or output at fault, or {@code null} when the process as a whole is
     * @param reason      what is wrong, phrased to complete "Process 'x', input 'y' ..."
     */
    public InvalidProcessDefinitionException(String processId, String parameterId, String reason) {
        super("Process '" + processId + "'" + (parameterId == null ? "" : ", parameter '" + parameterId + "'") + ": " + reason);
        this.processId = processId;
        this.parameterId = parameterId;
    }

    public String processId() { return processId; }

    /** The input or output at fault, or {@code null} when the declaration of the process itself is. */
    public String parameterId() { return parameterId; }
}
