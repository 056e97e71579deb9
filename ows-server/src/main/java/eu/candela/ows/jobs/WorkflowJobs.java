package eu.candela.ows.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;
import eu.candela.launcher.spi.Launcher;
import eu.candela.launcher.spi.LauncherBusyException;
import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobStatus;
import eu.candela.wps.spi.ProcessRegistry;
import eu.candela.wps.spi.Workflow;
import eu.candela.wps.workflow.WorkflowLimits;
import eu.candela.wps.workflow.WorkflowSteps;

/**
 * Runs workflow jobs on the server: the workflow's own code (which only plans steps and assembles
 * outputs) on a thread of this service, never on a launcher worker, so a bounded local pool cannot
 * deadlock on a workflow waiting for its own steps; each step a child job of the same owner through
 * the {@link Launcher} ({@link LauncherSteps}), in {@code <job>/steps/<name>}.
 *
 * <p>Reports to the {@link JobListener} like a launcher: progress from the workflow's
 * {@code status.json} (its steps' progress mapped onto it), then one terminal event. Cancelling a
 * workflow cancels its running steps. However a workflow ends, no step job of it is left running.
 * Closing (server shutdown) abandons the workflows without events and without cancelling their
 * steps: at the next start {@link JobService} runs them again and they follow their steps again,
 * reusing the ones that succeeded meanwhile.
 */
public final class WorkflowJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowJobs.class);

    private final Launcher launcher;
    private final ProcessRegistry registry;
    private final WorkflowSettings settings;
    private final Semaphore overallSteps;
    private final Function<Path, String> outsidePath;
    private final ExecutorService threads;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Object admission = new Object();
    private volatile boolean closing;

    /**
     * @param launcher    runs the steps
     * @param registry    the processes, workflows among them
     * @param outsidePath how a file outside a workflow's job directory (in the EO archive, say) is written
     *                    into a step's {@code inputs.json}
     */
    public WorkflowJobs(Launcher launcher, ProcessRegistry registry, WorkflowSettings settings, Function<Path, String> outsidePath) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outsidePath = Objects.requireNonNull(outsidePath, "outsidePath");
        this.overallSteps = new Semaphore(settings.maxConcurrentStepsOverall());
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(settings.maxRunningWorkflows(), r -> {
            Thread t = new Thread(r, "workflow-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** With files outside the job directories written as their server paths. */
    public WorkflowJobs(Launcher launcher, ProcessRegistry registry, WorkflowSettings settings) {
        this(launcher, registry, settings, path -> path.toAbsolutePath().toString());
    }

    /** Whether {@code processId} is a workflow, which this service runs instead of the launcher. */
    public boolean handles(String processId) {
        return registry.algorithm(processId).filter(a -> a instanceof Workflow<?, ?>).isPresent();
    }

    /**
     * Starts a workflow job; returns at once.
     *
     * @throws LauncherBusyException when {@code maxRunningWorkflows} run already
     */
    public void submit(JobSpec spec, JobListener listener) throws LauncherBusyException {
        AtomicBoolean cancelled = new AtomicBoolean();
        synchronized (admission) {
            if (closing) {
                throw new LauncherBusyException("server busy: the server is shutting down, try again later");
            }
            if (running.size() >= settings.maxRunningWorkflows()) {
                throw new LauncherBusyException("server busy: " + running.size() + " workflows are running, the limit is "
                        + settings.maxRunningWorkflows() + "; try again later");
            }
            if (running.putIfAbsent(spec.jobId(), cancelled) != null) {
                throw new IllegalStateException("workflow job " + spec.jobId() + " was already submitted");
            }
        }
        threads.execute(() -> {
            MDC.put("jobId", spec.jobId());
            try {
                run(spec, listener, cancelled);
            } finally {
                running.remove(spec.jobId());
                MDC.remove("jobId");
            }
        });
    }

    /** Asks a running workflow to stop; its running steps are cancelled. False when it is not running here. */
    public boolean cancel(String jobId) {
        AtomicBoolean flag = running.get(jobId);
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }

    /** The workflow jobs running now. */
    public Set<String> running() {
        return Set.copyOf(running.keySet());
    }

    private void run(JobSpec spec, JobListener listener, AtomicBoolean cancelled) {
        if (closing) {
            return;
        }
        listener.started(spec.jobId());
        WorkflowLimits limits = new WorkflowLimits(settings.maxConcurrentSteps(), overallSteps, settings.busyRetry(),
                settings.busyTimeout(), settings.cancelGrace());
        ProcessRunner runner = new ProcessRunner(registry, status -> progress(spec, listener, status),
                workflowJob -> new WorkflowSteps(workflowJob, registry, new LauncherSteps(launcher, spec.owner(), spec.jobId()),
                        limits, outsidePath));
        int exit = runner.run(spec.processId(), spec.jobDirectory(), cancelled::get);
        if (closing) {
            LOG.info("workflow {} left to the next start: the server is shutting down", spec.jobId());
            return;
        }
        LauncherSteps.cancelLeftovers(launcher, spec.jobDirectory());
        if (cancelled.get() && exit != ProcessRunner.SUCCEEDED) {
            listener.cancelled(spec.jobId());
            return;
        }
        switch (exit) {
            case ProcessRunner.SUCCEEDED -> listener.succeeded(spec.jobId());
            case ProcessRunner.CANCELLED -> listener.cancelled(spec.jobId());
            default -> listener.failed(spec.jobId(), failureMessage(spec.jobDirectory()));
        }
    }

    private void progress(JobSpec spec, JobListener listener, JobStatus status) {
        // the final status (succeeded, the failure) comes as the terminal event; only progress here
        if (!closing && status.percentCompleted() < 100) {
            listener.progress(spec.jobId(), status.percentCompleted(), status.message());
        }
    }

    private static String failureMessage(Path jobDirectory) {
        try {
            return new JobDirectory(jobDirectory).readStatus().map(JobStatus::message).orElse("the workflow failed without a message");
        } catch (IOException e) {
            return "the workflow failed; its status cannot be read: " + e.getMessage();
        }
    }

    /** Abandons the running workflows without events, leaving their steps to the next start. */
    @Override
    public void close() {
        synchronized (admission) {
            closing = true;
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
