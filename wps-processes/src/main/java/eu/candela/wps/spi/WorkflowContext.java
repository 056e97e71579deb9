package eu.candela.wps.spi;

import java.util.List;

/**
 * What a running {@link Workflow} sees: everything a {@link ProcessContext} offers, plus running
 * steps. The same workflow runs in-process ({@code candela-processes.jar run}) and on the server
 * (each step a launcher job); this interface is all it may rely on.
 *
 * <p><b>Progress.</b> Each call names the workflow progress reached when its steps end
 * ({@code progressUpTo}); while they run, the runtime maps their progress (the mean over the steps
 * of one fan-out) onto the range from the workflow's current progress to that value.
 *
 * <p><b>Cancellation.</b> When the workflow is cancelled, its running steps are cancelled and the
 * running call throws {@link ProcessCancelledException}; no further step starts.
 *
 * <p><b>Failure.</b> When a step fails, the call throws a {@link StepFailedException} naming the
 * step and its reason; in a fan-out the other steps are cancelled first. Letting it propagate
 * fails the workflow with that message.
 *
 * <p>Thread-safety: call it from the workflow's own thread.
 */
public interface WorkflowContext extends ProcessContext {

    /**
     * Runs one step and waits for it.
     *
     * @param step         what to run
     * @param progressUpTo the workflow's progress (0..100) when the step has finished
     * @return the step's outputs
     * @throws StepFailedException       when the step failed or its inputs were refused
     * @throws ProcessCancelledException when the workflow was cancelled meanwhile
     */
    StepOutputs run(Step step, int progressUpTo);

    /**
     * Runs several steps (usually N steps of one process, one per tile, say), at most
     * {@code min(concurrency, maxConcurrentSteps())} at a time, and waits for all of them.
     *
     * @param steps        what to run; their names must differ
     * @param concurrency  how many the workflow wants running at once (at least 1)
     * @param progressUpTo the workflow's progress (0..100) when every step has finished
     * @return each step's outputs, in the order of {@code steps}
     * @throws StepFailedException       for the first step that failed, after cancelling the others
     * @throws ProcessCancelledException when the workflow was cancelled meanwhile
     */
    List<StepOutputs> fanOut(List<Step> steps, int concurrency, int progressUpTo);

    /** The platform's cap on the steps of this workflow running at once (at least 1). */
    int maxConcurrentSteps();
}
