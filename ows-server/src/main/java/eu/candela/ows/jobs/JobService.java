package eu.candela.ows.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;
import eu.candela.launcher.spi.Launcher;
import eu.candela.launcher.spi.LauncherBusyException;

/**
 * Orchestrates jobs, protocol-neutrally: accepts them (job directory, record), hands them to the
 * {@link Launcher}, and records what the launcher reports. The only writer of job state: every
 * change goes through one method that asks {@link JobState} whether it is legal and ignores (and
 * logs) the ones that are not, so late or repeated launcher events are harmless.
 *
 * <p>Progress is persisted when the percentage changes, and a changed message alone at most every
 * 250 ms; terminal states are always written.
 */
public final class JobService {
    static final Duration PROGRESS_WRITE_INTERVAL = Duration.ofMillis(250);
    /** After this a claim on finishing a result is taken over: the server that held it died. */
    static final Duration FINISHING_CLAIM_TIMEOUT = Duration.ofMinutes(10);
    static final String COMPLETED = "completed";
    static final String DISMISSED = "dismissed";
    static final String REQUEUED_AFTER_RESTART = "re-queued after server restart";
    static final String INTERRUPTED_BY_RESTART = "interrupted by a server restart while running; execute it again";
    static final String COMPLETED_BEFORE_RESTART = "completed before a server restart";

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final int LOCK_STRIPES = 64;

    private final JobStore store;
    private final Launcher launcher;
    private final JobDirectories directories;
    private final Clock clock;
    private final ResultFinisher finisher;
    /** Runs the finisher off the launcher's threads; two, so one slow conversion does not hold up every job. */
    private final ExecutorService finishing = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "job-finisher");
        t.setDaemon(true);
        return t;
    });
    private final JobListener events = new LauncherEvents();
    private final Object[] writeLocks = new Object[LOCK_STRIPES];
    private final Map<String, CompletableFuture<JobRecord>> terminalWaits = new ConcurrentHashMap<>();
    private final ProgressThrottle progressThrottle = new ProgressThrottle(PROGRESS_WRITE_INTERVAL);
    private volatile boolean shuttingDown;

    public JobService(JobStore store, Launcher launcher, Path jobsRoot, Clock clock) {
        this(store, launcher, jobsRoot, clock, ResultFinisher.NONE);
    }

    /** @param finisher runs on each result before its job is recorded as successful (map publishing) */
    public JobService(JobStore store, Launcher launcher, Path jobsRoot, Clock clock, ResultFinisher finisher) {
        this.finisher = Objects.requireNonNull(finisher, "finisher");
        this.store = Objects.requireNonNull(store, "store");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.directories = new JobDirectories(Objects.requireNonNull(jobsRoot, "jobsRoot"));
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            writeLocks[i] = new Object();
        }
    }

    /**
     * Accepts a job: creates its directory, lets the front write the inputs, records it as accepted
     * and queues it in the launcher.
     *
     * @throws E                  as thrown by {@code inputsWriter}; nothing was accepted, the directory is gone
     * @throws ServerBusyException the launcher refused the job; it is recorded as failed with the same message
     */
    public <E extends Exception> JobRecord submit(String processId, String owner, String frontRequest,
                                                  JobInputsWriter<E> inputsWriter) throws E, ServerBusyException {
        String jobId = JobIds.newId();
        JobRecord accepted;
        try {
            inputsWriter.write(directories.create(jobId));
            String inputs = directories.readInputs(jobId).orElseThrow(() ->
                    new IllegalStateException("the inputs writer wrote no " + JobDirectories.INPUTS_FILE));
            accepted = JobRecord.accepted(jobId, processId, owner, clock.instant(), inputs, frontRequest);
            store.insert(accepted);
        } catch (Exception | Error e) {
            directories.deleteQuietly(jobId);
            throw e; // precise rethrow: only E or unchecked
        }
        try (JobLogContext ignored = JobLogContext.of(accepted)) {
            LOG.info("job accepted for {}", owner);
            launch(accepted);
        }
        return accepted;
    }

    /** The job, or empty when the id is unknown or not a job id at all. */
    public Optional<JobRecord> find(String jobId) {
        return JobIds.isValid(jobId) ? store.find(jobId) : Optional.empty();
    }

    /**
     * Waits until the job is terminal or the timeout passes, and returns it as it is then. An
     * interrupt ends the wait early (the interrupt flag stays set).
     */
    public JobRecord await(String jobId, Duration timeout) throws NoSuchJobException {
        JobRecord current = require(jobId);
        if (current.state().isTerminal()) {
            return current;
        }
        CompletableFuture<JobRecord> terminal = terminalWaits.computeIfAbsent(jobId, id -> new CompletableFuture<>());
        JobRecord recheck = require(jobId); // it may have ended before the future was registered
        if (recheck.state().isTerminal()) {
            terminalWaits.remove(jobId, terminal);
            terminal.complete(recheck);
            return recheck;
        }
        try {
            return terminal.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return require(jobId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return require(jobId);
        } catch (ExecutionException e) {
            throw new IllegalStateException("terminal futures are never completed exceptionally", e);
        }
    }

    /**
     * Stops a queued or running job and records it dismissed; a job already terminal is returned
     * unchanged.
     */
    public JobRecord dismiss(String jobId) throws NoSuchJobException {
        JobRecord current = require(jobId);
        if (current.state().isTerminal()) {
            return current;
        }
        // Outside the write lock: the launcher may report the cancellation synchronously.
        boolean launcherKnewIt = launcher.cancel(jobId);
        try (JobLogContext ignored = JobLogContext.of(current)) {
            LOG.debug("dismiss requested; launcher knew the job: {}", launcherKnewIt);
        }
        transition(jobId, JobState.DISMISSED, "dismiss", job -> job.withDismissal(DISMISSED, clock.instant()));
        return require(jobId);
    }

    /** The job directory of a job id; not a job id gives {@link IllegalArgumentException}. */
    public Path jobDirectory(String jobId) {
        return directories.of(jobId);
    }

    /** One page of an owner's jobs, newest first. */
    public List<JobRecord> list(String owner, int offset, int limit) {
        return store.list(owner, offset, limit);
    }

    public Map<JobState, Long> countByState() {
        return store.countByState();
    }

    /**
     * The listener for a job another server (a stopped one, or another replica) submitted, when the job
     * is still queued or running here: for a launcher that finds such jobs in the cluster (a Kubernetes
     * launcher taking over reconciliation). Events for a job two servers follow are harmless: the state
     * moves once, and the result is finished (published) once.
     */
    public Optional<JobListener> listenerForOpenJob(String jobId) {
        return find(jobId).filter(job -> !job.state().isTerminal()).map(job -> events);
    }

    /**
     * Re-attaches to the jobs a stopped server left accepted or running that the launcher still runs
     * (Kubernetes Jobs), and settles the ones it does not know: a
     * complete {@code result.json} makes it successful, an accepted job with its inputs is queued
     * again, and any other is failed with a message telling the client to execute it again; a job
     * whose result another replica is finishing right now is left to it.
     * Call at startup, before fronts accept requests, through {@link Launcher#whenReconciling}: with
     * replicas, only the one that reconciles (the Lease holder) calls it, each time it takes the lead.
     */
    public RecoverySummary recoverAfterRestart() {
        Set<String> active = launcher.activeJobs();
        int succeeded = 0;
        int requeued = 0;
        int failed = 0;
        int stillActive = 0;
        for (JobRecord job : store.findByStates(EnumSet.of(JobState.ACCEPTED, JobState.RUNNING))) {
            if (directories.isBeingFinished(job.jobId(), clock.instant(), FINISHING_CLAIM_TIMEOUT)) {
                stillActive++; // another replica is publishing its result right now
                continue;
            }
            if (active.contains(job.jobId())) {
                // a Kubernetes Job still running: its events come to this service again; a job this
                // service submitted itself (the launcher already reports to it) is left as it is
                launcher.reattach(job.jobId(), events);
                stillActive++;
                continue;
            }
            try (JobLogContext ignored = JobLogContext.of(job)) {
                switch (recover(job)) {
                    case SUCCEEDED -> succeeded++;
                    case REQUEUED -> requeued++;
                    case FAILED -> failed++;
                }
            }
        }
        RecoverySummary summary = new RecoverySummary(succeeded, requeued, failed, stillActive);
        LOG.info("recovered {} open jobs after restart: {} successful, {} re-queued, {} failed, {} still active",
                summary.total(), succeeded, requeued, failed, stillActive);
        return summary;
    }

    /**
     * The result as the finisher completes it. A finisher that fails must not lose the job's
     * result: the job still succeeds with what the process wrote, and the failure is logged.
     */
    private String finish(JobRecord job, String result) {
        try {
            return finisher.finish(job, directories.of(job.jobId()), result);
        } catch (RuntimeException e) {
            LOG.warn("job {}: finishing its result failed; it keeps the process's result as is", job.jobId(), e);
            return result;
        }
    }

    private enum Recovery { SUCCEEDED, REQUEUED, FAILED }

    private Recovery recover(JobRecord job) {
        Optional<String> result = directories.readCompleteResult(job.jobId()).map(r -> finish(job, r));
        if (result.isPresent()) {
            transition(job.jobId(), JobState.SUCCESSFUL, "recovery",
                    current -> current.withSuccess(result.get(), COMPLETED_BEFORE_RESTART, clock.instant()));
            return Recovery.SUCCEEDED;
        }
        if (job.state() == JobState.ACCEPTED && directories.readInputs(job.jobId()).isPresent()) {
            transition(job.jobId(), JobState.ACCEPTED, "recovery",
                    current -> current.withMessage(REQUEUED_AFTER_RESTART, clock.instant()));
            try {
                launch(job);
                return Recovery.REQUEUED;
            } catch (ServerBusyException e) {
                return Recovery.FAILED;
            }
        }
        transition(job.jobId(), JobState.FAILED, "recovery",
                current -> current.withFailure(INTERRUPTED_BY_RESTART, clock.instant()));
        return Recovery.FAILED;
    }

    private void launch(JobRecord job) throws ServerBusyException {
        JobSpec spec = new JobSpec(job.jobId(), job.processId(), job.owner(), directories.of(job.jobId()), Map.of());
        try {
            launcher.submit(spec, events);
        } catch (LauncherBusyException e) {
            String reason = e.getMessage() != null && e.getMessage().startsWith("server busy")
                    ? e.getMessage()
                    : "server busy: " + e.getMessage();
            transition(job.jobId(), JobState.FAILED, "launcher busy", current -> current.withFailure(reason, clock.instant()));
            throw new ServerBusyException(job.jobId(), reason);
        }
    }

    private JobRecord require(String jobId) throws NoSuchJobException {
        return find(jobId).orElseThrow(() -> new NoSuchJobException(jobId));
    }

    /**
     * The one place job state is written. Applies {@code change} when moving from the stored state
     * to {@code target} is legal (or stays in a non-terminal state), with an optimistic check
     * against concurrent writers; otherwise logs and ignores the event.
     */
    private Optional<JobRecord> transition(String jobId, JobState target, String event, UnaryOperator<JobRecord> change) {
        synchronized (writeLocks[Math.floorMod(jobId.hashCode(), LOCK_STRIPES)]) {
            Optional<JobRecord> found = store.find(jobId);
            if (found.isEmpty()) {
                LOG.warn("ignored '{}' for unknown job {}", event, jobId);
                return Optional.empty();
            }
            JobRecord current = found.get();
            try (JobLogContext ignored = JobLogContext.of(current)) {
                boolean legal = current.state() == target ? !target.isTerminal() : current.state().canMoveTo(target);
                if (!legal) {
                    LOG.info("ignored '{}': job is already {}", event, current.state().id());
                    return Optional.empty();
                }
                JobRecord next = change.apply(current);
                if (!store.update(next, current.state())) {
                    LOG.warn("ignored '{}': the job left state {} meanwhile", event, current.state().id());
                    return Optional.empty();
                }
                if (next.state() != current.state()) {
                    LOG.info("job {} -> {}{}", current.state().id(), next.state().id(),
                            next.message() == null ? "" : ": " + next.message());
                }
                if (next.state().isTerminal()) {
                    progressThrottle.forget(jobId);
                    CompletableFuture<JobRecord> waiting = terminalWaits.remove(jobId);
                    if (waiting != null) {
                        waiting.complete(next);
                    }
                }
                return Optional.of(next);
            }
        }
    }

    /**
     * Called before the launcher closes at server shutdown: the cancellations the launcher then
     * reports are not user dismissals, so they are not recorded. Queued jobs stay accepted and are
     * re-queued at the next start; running ones get the clear "interrupted by a server restart" state.
     */
    public void shutdown() {
        shuttingDown = true;
        finishing.shutdown();
        try {
            // let results being published finish their catalogue writes; the rest recovery finishes
            finishing.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("job service stopping: jobs still queued or running keep their state for recovery at the next start");
    }

    /** Receives the launcher's events and turns them into transitions. */
    private final class LauncherEvents implements JobListener {
        @Override
        public void started(String jobId) {
            transition(jobId, JobState.RUNNING, "started", job -> job.withRunning(clock.instant()));
        }

        @Override
        public void progress(String jobId, int percentCompleted, String message) {
            Instant now = clock.instant();
            if (!progressThrottle.isWorthWriting(jobId, percentCompleted, message, now)) {
                return;
            }
            transition(jobId, JobState.RUNNING, "progress", job ->
                    (job.state() == JobState.ACCEPTED ? job.withRunning(now) : job).withProgress(percentCompleted, message, now))
                    .ifPresent(job -> progressThrottle.written(jobId, percentCompleted, message, now));
        }

        @Override
        public void succeeded(String jobId) {
            if (finisher == ResultFinisher.NONE) {
                complete(jobId);
                return;
            }
            // Finishing (publishing layers, converting files) takes seconds: not on the launcher's
            // thread, which may be a worker or an informer that must stay quick. The job stays
            // running until it is done; after a crash meanwhile, recovery finishes it.
            progress(jobId, 99, "publishing the results");
            try {
                finishing.execute(() -> complete(jobId));
            } catch (RejectedExecutionException e) {
                LOG.info("job {}: not finished before shutdown; recovery at the next start finishes it", jobId);
            }
        }

        /**
         * Finishes and records the result, once: several replicas may hear the same job succeed (one
         * submitted it, the leader re-attached it), so the one that claims the job directory finishes
         * it and the others leave it; once it is terminal nobody publishes again.
         */
        private void complete(String jobId) {
            if (!directories.claimFinishing(jobId, clock.instant(), FINISHING_CLAIM_TIMEOUT)) {
                LOG.info("job {}: another server is finishing its result", jobId);
                return;
            }
            try {
                // a job dismissed or finished meanwhile is not published: the transition refuses it anyway
                Optional<String> result = directories.readCompleteResult(jobId).map(r -> find(jobId)
                        .filter(job -> !job.state().isTerminal()).map(job -> finish(job, r)).orElse(r));
                if (result.isPresent()) {
                    transition(jobId, JobState.SUCCESSFUL, "succeeded",
                            job -> job.withSuccess(result.get(), COMPLETED, clock.instant()));
                } else {
                    transition(jobId, JobState.FAILED, "succeeded without result", job -> job.withFailure(
                            "the process ended without a complete " + JobDirectories.RESULT_FILE, clock.instant()));
                }
            } finally {
                directories.releaseFinishing(jobId);
            }
        }

        @Override
        public void failed(String jobId, String reason) {
            String message = reason == null || reason.isBlank() ? "the process failed without a message" : reason;
            transition(jobId, JobState.FAILED, "failed", job -> job.withFailure(message, clock.instant()));
        }

        @Override
        public void cancelled(String jobId) {
            if (shuttingDown) {
                return;
            }
            transition(jobId, JobState.DISMISSED, "cancelled", job -> job.withDismissal(DISMISSED, clock.instant()));
        }
    }
}
