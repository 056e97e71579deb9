package eu.candela.ows.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;
import eu.candela.launcher.spi.Launcher;
import eu.candela.launcher.spi.LauncherBusyException;
import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.EoArchive;
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
 * steps: at the next start {@link JobService} runs them again ({@link #resume}) and they follow their
 * steps again, reusing the ones that succeeded meanwhile.
 *
 * <p>Several replicas: the replica that accepted a workflow orchestrates it and renews a claim file
 * ({@value #CLAIM_FILE}) in its job directory; a replica that restarts resumes a workflow only once
 * that claim went stale ({@code claimTimeout}), so a live workflow never gets a second orchestrator.
 */
public final class WorkflowJobs implements AutoCloseable {
    /** In a workflow's job directory while an orchestrator runs it: that orchestrator's id, renewed (touched) regularly. */
    static final String CLAIM_FILE = ".workflow-orchestrator";
    private static final String FINISHED = " finished";
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowJobs.class);

    private record Running(AtomicBoolean cancelled, Path jobDirectory) {
    }

    private final Launcher launcher;
    private final ProcessRegistry registry;
    private final WorkflowSettings settings;
    private final Semaphore overallSteps;
    private final Optional<EoArchive> eoArchive;
    private final ExecutorService threads;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final String orchestratorId = UUID.randomUUID().toString();
    private final ScheduledExecutorService claims = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "workflow-claims");
        t.setDaemon(true);
        return t;
    });
    private final Object admission = new Object();
    private volatile boolean closing;

    /**
     * @param launcher  runs the steps
     * @param registry  the processes, workflows among them
     * @param eoArchive the EO archive as the server sees it: the workflow's own {@code eodata:} inputs are
     *                  read there, and its steps get the archive's files as {@code eodata:} paths too
     */
    public WorkflowJobs(Launcher launcher, ProcessRegistry registry, WorkflowSettings settings, Optional<EoArchive> eoArchive) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.eoArchive = Objects.requireNonNull(eoArchive, "eoArchive");
        this.overallSteps = new Semaphore(settings.maxConcurrentStepsOverall());
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(settings.maxRunningWorkflows(), r -> {
            Thread t = new Thread(r, "workflow-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long renew = Math.max(1, settings.claimTimeout().toMillis() / 3);
        claims.scheduleWithFixedDelay(this::renewClaims, renew, renew, TimeUnit.MILLISECONDS);
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
            if (running.putIfAbsent(spec.jobId(), new Running(cancelled, spec.jobDirectory())) != null) {
                throw new IllegalStateException("workflow job " + spec.jobId() + " was already submitted");
            }
            claim(spec.jobDirectory());
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

    /**
     * Runs again a workflow a stopped server left running: at once when no other orchestrator holds
     * it, else once its claim has gone stale (checked every third of {@code claimTimeout}), unless the
     * job has ended meanwhile ({@code stillOpen} false), as it does when another replica finishes it.
     *
     * @throws LauncherBusyException when it could start at once but {@code maxRunningWorkflows} run already
     */
    public void resume(JobSpec spec, JobListener listener, BooleanSupplier stillOpen) throws LauncherBusyException {
        if (running.containsKey(spec.jobId())) {
            return; // already orchestrated here
        }
        if (!isClaimedElsewhere(spec.jobDirectory())) {
            submit(spec, listener);
            return;
        }
        LOG.info("workflow {} is claimed by a live orchestrator; resumed here only once its claim goes stale", spec.jobId());
        long check = Math.max(1, settings.claimTimeout().toMillis() / 3);
        claims.schedule(new Runnable() {
            @Override
            public void run() {
                if (closing || !stillOpen.getAsBoolean() || running.containsKey(spec.jobId())) {
                    return;
                }
                if (isClaimedElsewhere(spec.jobDirectory())) {
                    claims.schedule(this, check, TimeUnit.MILLISECONDS);
                    return;
                }
                try {
                    submit(spec, listener);
                } catch (LauncherBusyException | RuntimeException e) {
                    listener.failed(spec.jobId(), "cannot resume the workflow after a restart: " + e.getMessage());
                }
            }
        }, check, TimeUnit.MILLISECONDS);
    }

    /** Asks a running workflow to stop; its running steps are cancelled. False when it is not running here. */
    public boolean cancel(String jobId) {
        Running workflow = running.get(jobId);
        if (workflow == null) {
            return false;
        }
        workflow.cancelled().set(true);
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
        ProcessRunner runner = new ProcessRunner(registry, status -> progress(spec, listener, status), eoArchive,
                workflowJob -> new WorkflowSteps(workflowJob, registry, new LauncherSteps(launcher, spec.owner(), spec.jobId()),
                        limits, eoArchive));
        int exit = runner.run(spec.processId(), spec.jobDirectory(), cancelled::get);
        if (closing) {
            LOG.info("workflow {} left to the next start: the server is shutting down", spec.jobId());
            return;
        }
        LauncherSteps.cancelLeftovers(launcher, spec.jobDirectory());
        // the claim outlives the terminal event: a replica waiting to resume sees the job end, not a gap
        if (cancelled.get() && exit != ProcessRunner.SUCCEEDED) {
            listener.cancelled(spec.jobId());
        } else {
            switch (exit) {
                case ProcessRunner.SUCCEEDED -> listener.succeeded(spec.jobId());
                case ProcessRunner.CANCELLED -> listener.cancelled(spec.jobId());
                default -> listener.failed(spec.jobId(), failureMessage(spec.jobDirectory()));
            }
        }
        finishClaim(spec.jobDirectory());
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

    private void claim(Path jobDirectory) {
        try {
            Files.writeString(jobDirectory.resolve(CLAIM_FILE), orchestratorId, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot claim workflow job directory {}: {}", jobDirectory, e.toString());
        }
    }

    /**
     * Marks the claim finished: the workflow ran to its end here. Its success may still be being
     * published (the job is recorded successful only then), so it is never resumed elsewhere while its
     * result exists; a failed or cancelled one was recorded before this.
     */
    private void finishClaim(Path jobDirectory) {
        try {
            Files.writeString(jobDirectory.resolve(CLAIM_FILE), orchestratorId + FINISHED, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot mark the claim on {} finished: {}", jobDirectory, e.toString());
        }
    }

    private void renewClaims() {
        FileTime now = FileTime.from(Instant.now());
        for (Running workflow : running.values()) {
            try {
                Files.setLastModifiedTime(workflow.jobDirectory().resolve(CLAIM_FILE), now);
            } catch (IOException e) {
                claim(workflow.jobDirectory());
            }
        }
    }

    /** Another orchestrator's claim: renewed within {@code claimTimeout}, or finished with a result. */
    private boolean isClaimedElsewhere(Path jobDirectory) {
        Path file = jobDirectory.resolve(CLAIM_FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (holder.endsWith(FINISHED)) {
                return Files.isRegularFile(jobDirectory.resolve("result.json"));
            }
            if (orchestratorId.equals(holder)) {
                return false;
            }
            Duration age = Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now());
            return age.compareTo(settings.claimTimeout()) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Abandons the running workflows without events, leaving their steps to the next start. */
    @Override
    public void close() {
        synchronized (admission) {
            closing = true;
        }
        claims.shutdownNow();
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
