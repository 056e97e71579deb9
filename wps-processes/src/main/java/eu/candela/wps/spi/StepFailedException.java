package eu.candela.wps.spi;

/**
 * A workflow step failed (or was refused its inputs). The message names the step and its process
 * and gives the step's own reason, so a workflow that lets it propagate fails with a message the
 * user can act on: {@code Step 'detect-3' (ChangeDetection) failed: Input 'after' ...}.
 */
public class StepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stepName;
    private final String processId;
    private final String reason;

    public StepFailedException(String stepName, String processId, String reason) {
        super("Step '" + stepName + "' (" + processId + ") failed: " + reason);
        this.stepName = stepName;
        this.processId = processId;
        this.reason = reason;
    }

    /** The {@link Step#name()} of the failed step. */
    public String stepName() { return stepName; }

    public String processId() { return processId; }

    /** The step's own failure message. */
    public String reason() { return reason; }
}
