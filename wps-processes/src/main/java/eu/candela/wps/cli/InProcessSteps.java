package eu.candela.wps.cli;

import eu.candela.wps.jobdir.JobStatus;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.ProcessRegistry;
import eu.candela.wps.spi.WorkflowContext;
import eu.candela.wps.workflow.RunningStep;
import eu.candela.wps.workflow.StepJob;
import eu.candela.wps.workflow.StepLauncher;
import eu.candela.wps.workflow.StepListener;
import eu.candela.wps.workflow.StepOutcome;
import eu.candela.wps.workflow.WorkflowLimits;
import eu.candela.wps.workflow.WorkflowRuntime;
import eu.candela.wps.workflow.WorkflowSteps;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-process workflow runtime ({@code candela-processes.jar run <workflow-id> <job-dir>}): every
 * step runs in this JVM on a thread of its own, through a {@link ProcessRunner} on its step
 * directory, exactly as the CLI would run it; the {@link WorkflowLimits} bound how many run at once.
 */
public final class InProcessSteps implements StepLauncher, WorkflowRuntime {

    private final ProcessRegistry registry;
    private final WorkflowLimits limits;
    private final ExecutorService threads;

    public InProcessSteps(ProcessRegistry registry, WorkflowLimits limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.limits = Objects.requireNonNull(limits, "limits");
        AtomicInteger count = new AtomicInteger();
        // Unbounded on purpose: the limits decide how many steps run; a thread per running step.
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workflow-step-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public WorkflowContext contextFor(ProcessContext workflowJob) {
        return new WorkflowSteps(workflowJob, registry, this, limits);
    }

    @Override
    public RunningStep start(StepJob job, StepListener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<JobStatus> last = new AtomicReference<>();
        ProcessRunner runner = new ProcessRunner(registry, status -> {
            last.set(status);
            listener.progress(status.percentCompleted(), status.message());
        });
        threads.execute(() -> {
            int exit = runner.run(job.processId(), job.directory(), cancelled::get);
            JobStatus status = last.get();
            String reason = status == null ? "the step could not use its job directory " + job.directory() : status.message();
            if (cancelled.get() && exit != ProcessRunner.SUCCEEDED) {
                listener.ended(StepOutcome.CANCELLED, null);
            } else {
                listener.ended(switch (exit) {
                    case ProcessRunner.SUCCEEDED -> StepOutcome.SUCCEEDED;
                    case ProcessRunner.CANCELLED -> StepOutcome.CANCELLED;
                    default -> StepOutcome.FAILED;
                }, reason);
            }
        });
        return () -> cancelled.set(true);
    }
}
