package eu.candela.wps.workflow;

/**
 * Hears the course of one step. Called from any thread; implementations are thread-safe and
 * quick. Exactly one {@link #ended} per step.
 */
public interface StepListener {
    void progress(int percentCompleted, String message);

    /**
     * The step ended.
     *
     * @param reason for {@link StepOutcome#FAILED}, the step's failure message fit for a user; otherwise ignored
     */
    void ended(StepOutcome outcome, String reason);
}
