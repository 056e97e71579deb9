package eu.candela.launcher.local;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.candela.launcher.internal.StatusSnapshot;
import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;

/**
 * One job in a {@link LocalLauncher}: its phase, its cancellation flag and its worker thread.
 * Every listener call happens under this object's lock, after a phase check, so the listener sees
 * {@code started}, then progress, then exactly one terminal call, whichever thread reports.
 */
final class LocalJob {
    enum Phase { QUEUED, RUNNING, FINISHED }

    /** What {@link #cancel()} did. */
    enum CancelResult { REMOVED_FROM_QUEUE, SIGNALLED, ALREADY_FINISHED }

    private static final Logger LOG = LoggerFactory.getLogger(LocalJob.class);

    private final JobSpec spec;
    private final JobListener listener;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private Phase phase = Phase.QUEUED;          // guarded by this
    private Thread worker;                        // guarded by this
    private StatusSnapshot lastReported;          // guarded by this

    LocalJob(JobSpec spec, JobListener listener) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    JobSpec spec() {
        return spec;
    }

    String jobId() {
        return spec.jobId();
    }

    boolean isCancelRequested() {
        return cancelRequested.get();
    }

    synchronized Phase phase() {
        return phase;
    }

    /** Moves a queued job to running on {@code thread}; false when it was cancelled meanwhile. */
    synchronized boolean start(Thread thread) {
        if (phase != Phase.QUEUED) {
            return false;
        }
        phase = Phase.RUNNING;
        worker = thread;
        notifyListener("started", () -> listener.started(jobId()));
        return true;
    }

    /** Reports the status to the listener when the job is running and the status changed. */
    synchronized void reportProgress(StatusSnapshot status) {
        if (phase != Phase.RUNNING || status.equals(lastReported)) {
            return;
        }
        lastReported = status;
        notifyListener("progress", () -> listener.progress(jobId(), status.percentCompleted(), status.message()));
    }

    /** A queued job ends cancelled at once; a running one is flagged and interrupted and ends when it returns. */
    synchronized CancelResult cancel() {
        switch (phase) {
            case QUEUED:
                cancelRequested.set(true);
                finish(JobOutcome.cancelled());
                return CancelResult.REMOVED_FROM_QUEUE;
            case RUNNING:
                cancelRequested.set(true);
                worker.interrupt();
                return CancelResult.SIGNALLED;
            default:
                return CancelResult.ALREADY_FINISHED;
        }
    }

    /** Reports the terminal outcome once; false when the job had already finished. */
    synchronized boolean finish(JobOutcome outcome) {
        if (phase == Phase.FINISHED) {
            return false;
        }
        phase = Phase.FINISHED;
        worker = null;
        switch (outcome.kind()) {
            case SUCCEEDED -> notifyListener("succeeded", () -> listener.succeeded(jobId()));
            case FAILED -> notifyListener("failed", () -> listener.failed(jobId(), outcome.reason()));
            case CANCELLED -> notifyListener("cancelled", () -> listener.cancelled(jobId()));
        }
        return true;
    }

    /** A listener that throws must not break the launcher; its failure is its own to report. */
    private void notifyListener(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("job listener failed on '{}' for job {}", event, jobId(), e);
        }
    }
}
