/**
 * The runtime side of {@link eu.candela.wps.spi.Workflow}s, shared by every runtime:
 * {@link eu.candela.wps.workflow.WorkflowSteps} implements the
 * {@link eu.candela.wps.spi.WorkflowContext} (step directories, inputs, concurrency, progress,
 * cancellation, failures, resuming finished steps), and a {@link eu.candela.wps.workflow.StepLauncher}
 * says where a prepared step directory runs: on threads of the same JVM (the CLI's in-process
 * runtime) or as a launcher job (the server, so a Kubernetes Job per step).
 *
 * <p>Layout: step {@code s} of the workflow job {@code J} runs in {@code J/steps/s}, itself a complete
 * job directory ({@code inputs.json}, {@code status.json}, {@code outputs/}, {@code result.json},
 * {@code job.log}). Files an input refers to that lie in {@code J} (earlier steps' outputs, inputs the
 * server fetched into {@code J}) are hard-linked (copied when linking fails) into
 * {@code J/steps/s/inputs/} and written as relative paths, so the step directory is self-contained
 * and a pod that mounts only it sees them; files elsewhere (the EO archive) keep their path.
 */
package eu.candela.wps.workflow;
