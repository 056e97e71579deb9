package eu.candela.wps.workflow;

/** A step a {@link StepLauncher} started. */
@FunctionalInterface
public interface RunningStep {
    /** Asks the step to stop; its listener hears {@link StepOutcome#CANCELLED} (or its real end) once it has. */
    void cancel();
}
