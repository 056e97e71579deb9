package eu.candela.wps.workflow;

import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.WorkflowContext;

/**
 * What a process runner needs to run a {@link eu.candela.wps.spi.Workflow}: the workflow context
 * for one workflow job, typically a {@link WorkflowSteps} over the runtime's {@link StepLauncher}.
 */
@FunctionalInterface
public interface WorkflowRuntime {
    /** The context a workflow job runs with, built around the job's own context. */
    WorkflowContext contextFor(ProcessContext workflowJob);
}
