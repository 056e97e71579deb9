package eu.candela.wps.spi;

/**
 * A process made of steps of other processes: declared exactly like an {@link Algorithm} (an
 * {@link EoProcess} annotation, an input and an output record, a line in
 * {@code META-INF/services/eu.candela.wps.spi.Algorithm}), published like one, but run by a
 * workflow runtime that hands it a {@link WorkflowContext} to run its steps with.
 *
 * <p>The workflow itself does no raster work: it decides which steps to run with which inputs and
 * assembles its outputs from theirs. Each step is a complete job of its own (its own job
 * directory; on the server, its own launcher job, so a Kubernetes Job per step), so the code must
 * not assume steps share memory or a JVM. See the package documentation for an example.
 *
 * @param <I> the input record; its components are the workflow's inputs
 * @param <O> the output record; its components are the workflow's outputs (the only ones published)
 */
public interface Workflow<I extends Record, O extends Record> extends Algorithm<I, O> {

    /**
     * Runs the workflow: its steps through {@code ctx}, then its outputs from theirs.
     *
     * @throws StepFailedException       when a step failed (let it propagate: it names the step)
     * @throws ProcessCancelledException when the workflow was cancelled
     * @throws InvalidInputException     when an input is unusable in a way only the workflow can see
     */
    O run(I in, WorkflowContext ctx) throws Exception;

    /**
     * A workflow only runs in a workflow runtime; a runner that does not know workflows would hand
     * it a plain context, and this says so instead of failing somewhere inside.
     */
    @Override
    default O run(I in, ProcessContext ctx) throws Exception {
        if (ctx instanceof WorkflowContext workflowContext) {
            return run(in, workflowContext);
        }
        throw new IllegalStateException(getClass().getSimpleName()
                + " is a workflow and needs a workflow runtime (a WorkflowContext), got " + ctx.getClass().getName());
    }
}
