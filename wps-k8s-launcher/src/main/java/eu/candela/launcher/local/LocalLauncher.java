package eu.candela.launcher.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import eu.candela.launcher.internal.StatusFileReader;
import eu.candela.launcher.internal.StatusSnapshot;
import eu.candela.launcher.spi.JobEntryPoint;
import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;
import eu.candela.launcher.spi.Launcher;
import eu.candela.launcher.spi.LauncherBusyException;

/**
 * Runs jobs in this JVM: the {@link JobEntryPoint} on a bounded pool of {@code workers} threads with
 * at most {@code queueLength} jobs waiting. One shared poller reads {@code status.json} of every
 * running job each {@code progressInterval} and reports changes.
 *
 * <p>Outcome: once cancellation was requested the job ends cancelled, whatever the entry point
 * returns; otherwise exit code 0 is success, 2 is cancelled, and anything else (or an exception)
 * is a failure whose reason is the exception's message or the {@code message} of
 * {@code status.json}. An exception's stack trace goes to the job's {@code job.log}, never into
 * the reason.
 */
public final class LocalLauncher implements Launcher {
    public static final int EXIT_SUCCESS = 0;
    public static final int EXIT_CANCELLED = 2;

    private static final Logger LOG = LoggerFactory.getLogger(LocalLauncher.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final LocalLauncherConfig config;
    private final JobEntryPoint entryPoint;
    private final StatusFileReader statusReader = new StatusFileReader();
    private final Map<String, LocalJob> jobs = new ConcurrentHashMap<>();
    private final Object admissionLock = new Object();
    private boolean closed; // guarded by admissionLock
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService poller;
    private final ScheduledFuture<?> polling;

    public LocalLauncher(LocalLauncherConfig config, JobEntryPoint entryPoint) {
        this.config = Objects.requireNonNull(config, "config");
        this.entryPoint = Objects.requireNonNull(entryPoint, "entryPoint");
        // The queue is unbounded on purpose: admission is checked in submit, under one lock.
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), namedThreads("local-launcher-worker-"));
        this.poller = Executors.newSingleThreadScheduledExecutor(namedThreads("local-launcher-progress-"));
        long interval = config.progressInterval().toMillis();
        this.polling = poller.scheduleWithFixedDelay(this::pollRunningJobs, interval, Math.max(1, interval),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void submit(JobSpec spec, JobListener listener) throws LauncherBusyException {
        LocalJob job = new LocalJob(spec, listener);
        synchronized (admissionLock) {
            if (closed) {
                throw new LauncherBusyException("server busy: the launcher is shutting down, try again later");
            }
            if (jobs.containsKey(spec.jobId())) {
                throw new IllegalArgumentException("job " + spec.jobId() + " was already submitted");
            }
            if (jobs.size() >= config.workers() + config.queueLength()) {
                throw new LauncherBusyException(busyMessage());
            }
            jobs.put(spec.jobId(), job);
            workers.execute(new Worker(job));
        }
        LOG.debug("queued job {} of process {}", spec.jobId(), spec.processId());
    }

    @Override
    public boolean cancel(String jobId) {
        LocalJob job = jobs.get(jobId);
        if (job == null) {
            return false;
        }
        LocalJob.CancelResult result = job.cancel();
        if (result == LocalJob.CancelResult.REMOVED_FROM_QUEUE) {
            jobs.remove(jobId, job);
        }
        LOG.debug("cancel of job {}: {}", jobId, result);
        return result != LocalJob.CancelResult.ALREADY_FINISHED;
    }

    @Override
    public Set<String> activeJobs() {
        return Set.copyOf(jobs.keySet());
    }

    /** Jobs on a worker now. */
    public int runningJobs() {
        return countIn(LocalJob.Phase.RUNNING);
    }

    /** Jobs waiting for a worker. */
    public int queuedJobs() {
        return countIn(LocalJob.Phase.QUEUED);
    }

    /** True while the launcher accepts jobs, its workers are up and its progress poller still runs. */
    @Override
    public boolean isHealthy() {
        synchronized (admissionLock) {
            return !closed && !workers.isShutdown() && !polling.isDone();
        }
    }

    /**
     * Stops accepting jobs, cancels queued and running ones and waits up to ten seconds for the
     * running ones to return. A job still running after that is reported cancelled anyway, and
     * its thread is left to end by itself.
     */
    @Override
    public void close() {
        synchronized (admissionLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // Queued first: a worker freed by a cancelled running job must find nothing left to start.
        jobs.values().stream().filter(job -> job.phase() == LocalJob.Phase.QUEUED).forEach(job -> cancel(job.jobId()));
        jobs.keySet().forEach(this::cancel);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                abandonRunningJobs();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandonRunningJobs();
        } finally {
            poller.shutdownNow();
        }
    }

    private void abandonRunningJobs() {
        for (LocalJob job : jobs.values()) {
            if (job.finish(JobOutcome.cancelled())) {
                LOG.warn("job {} did not stop within {} s of shutdown; reported cancelled", job.jobId(),
                        CLOSE_GRACE.toSeconds());
            }
        }
        jobs.clear();
        workers.shutdownNow();
    }

    private String busyMessage() {
        int running = runningJobs();
        int queued = jobs.size() - running;
        return "server busy: " + running + (running == 1 ? " job" : " jobs") + " running and " + queued
                + " queued, try again later";
    }

    private int countIn(LocalJob.Phase phase) {
        return (int) jobs.values().stream().filter(job -> job.phase() == phase).count();
    }

    private void pollRunningJobs() {
        for (LocalJob job : jobs.values()) {
            if (job.phase() != LocalJob.Phase.RUNNING) {
                continue;
            }
            try (MDC.MDCCloseable a = MDC.putCloseable("jobId", job.jobId());
                 MDC.MDCCloseable b = MDC.putCloseable("processId", job.spec().processId())) {
                statusReader.read(job.spec().jobDirectory()).ifPresent(job::reportProgress);
            } catch (RuntimeException e) {
                // One job's bad status must not stop the poller for the others.
                LOG.warn("cannot follow the progress of job {}", job.jobId(), e);
            }
        }
    }

    /** The task a worker runs for one job. */
    private final class Worker implements Runnable {
        private final LocalJob job;

        Worker(LocalJob job) {
            this.job = job;
        }

        @Override
        public void run() {
            JobSpec spec = job.spec();
            try (MDC.MDCCloseable a = MDC.putCloseable("jobId", spec.jobId());
                 MDC.MDCCloseable b = MDC.putCloseable("processId", spec.processId())) {
                if (!job.start(Thread.currentThread())) {
                    return; // cancelled while queued
                }
                JobOutcome outcome = execute(spec);
                statusReader.read(spec.jobDirectory()).ifPresent(job::reportProgress);
                job.finish(outcome);
                LOG.debug("job ended: {}", outcome);
            } finally {
                jobs.remove(spec.jobId(), job);
                Thread.interrupted(); // a late cancel must not leak into the next job on this thread
            }
        }

        private JobOutcome execute(JobSpec spec) {
            try {
                int exitCode = entryPoint.run(spec.processId(), spec.jobDirectory(), job::isCancelRequested);
                if (job.isCancelRequested() || exitCode == EXIT_CANCELLED) {
                    return JobOutcome.cancelled();
                }
                if (exitCode == EXIT_SUCCESS) {
                    return JobOutcome.succeeded();
                }
                return JobOutcome.failed(statusMessage(spec.jobDirectory())
                        .orElse("process " + spec.processId() + " exited with code " + exitCode));
            } catch (Exception | Error e) { // the listener must hear a terminal event whatever the process does
                if (job.isCancelRequested()) {
                    return JobOutcome.cancelled();
                }
                appendToJobLog(spec.jobDirectory(), e);
                LOG.debug("process {} threw", spec.processId(), e);
                return JobOutcome.failed(e.getMessage() == null || e.getMessage().isBlank()
                        ? e.getClass().getSimpleName()
                        : e.getMessage());
            }
        }

        private Optional<String> statusMessage(Path jobDirectory) {
            return statusReader.read(jobDirectory).map(StatusSnapshot::message).filter(m -> !m.isBlank());
        }
    }

    private static void appendToJobLog(Path jobDirectory, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        try {
            Files.writeString(jobDirectory.resolve("job.log"), trace.toString(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot append the failure to job.log in {}: {}", jobDirectory, e.toString());
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
