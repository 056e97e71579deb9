package eu.candela.wps.workflow;

/**
 * The runtime cannot start another step now (its queue is full, the owner's running-job limit is
 * reached); nothing was started and the workflow tries again when one of its steps ends or after a
 * while.
 */
public class StepLauncherBusyException extends Exception {
    private static final long serialVersionUID = 1L;

    public StepLauncherBusyException(String message) {
        super(message);
    }
}
