package eu.candela.launcher.kubernetes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import eu.candela.launcher.spi.JobListener;

/**
 * A job this launcher follows, and the guard that makes its listener calls idempotent: informer events
 * repeat (resyncs, replaced watches, a pod and its Job both changing), so {@code started} is passed on
 * once, {@code progress} only when it changed, and exactly one terminal call whoever gets there first.
 *
 * <p>The calls themselves are queued on the job's {@link ListenerDelivery} queue, not made on the
 * caller's thread (an informer's). They are queued under this object's lock, after the check that
 * the job has not ended, so the listener hears {@code started}, progress, then the terminal call, and
 * nothing after it. Progress is coalesced: while one progress call waits in the queue, newer values
 * replace its values instead of queueing more calls.
 */
final class TrackedJob {
    final String jobId;
    final String owner;
    final Path jobDirectory;
    private final JobListener listener;
    private final ListenerDelivery delivery;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile boolean created;
    private volatile Instant pullProblemSince;
    private volatile Instant failureSeenSince;
    private int lastPercent = -1; // guarded by this
    private String lastMessage; // guarded by this
    private boolean progressQueued; // guarded by this

    TrackedJob(String jobId, String owner, Path jobDirectory, JobListener listener, ListenerDelivery delivery,
               boolean created) {
        this.jobId = jobId;
        this.owner = owner;
        this.jobDirectory = jobDirectory;
        this.listener = listener;
        this.delivery = delivery;
        this.created = created;
    }

    boolean isEnded() {
        return ended.get();
    }

    boolean isCreated() {
        return created;
    }

    void markCreated() {
        created = true;
    }

    /** @return true the first time only */
    boolean requestCancel() {
        return cancelRequested.compareAndSet(false, true);
    }

    boolean isCancelRequested() {
        return cancelRequested.get();
    }

    /** When a pod was first seen stuck pulling its image, remembered until the pull heals. */
    Instant pullProblemSince(boolean stuck, Instant now) {
        if (!stuck) {
            pullProblemSince = null;
            return null;
        }
        if (pullProblemSince == null) {
            pullProblemSince = now;
        }
        return pullProblemSince;
    }

    /**
     * True while a failed Job's pods have not been seen ended for less than {@code wait}: the pod informer
     * may lag the Job informer, and the pods tell why (OOMKilled, the exit code and its message).
     */
    boolean awaitingPodsOfFailure(boolean podsEnded, Instant now, java.time.Duration wait) {
        if (podsEnded) {
            return false;
        }
        if (failureSeenSince == null) {
            failureSeenSince = now;
        }
        return java.time.Duration.between(failureSeenSince, now).compareTo(wait) < 0;
    }

    synchronized void started() {
        if (!ended.get() && started.compareAndSet(false, true)) {
            delivery.deliver(jobId, () -> listener.started(jobId));
        }
    }

    synchronized void progress(int percent, String message) {
        if (ended.get() || (percent == lastPercent && java.util.Objects.equals(message, lastMessage))) {
            return;
        }
        lastPercent = percent;
        lastMessage = message;
        if (!progressQueued) {
            progressQueued = true;
            delivery.deliver(jobId, this::deliverProgress);
        }
    }

    /** The latest progress when its turn comes. */
    private void deliverProgress() {
        int percent;
        String message;
        synchronized (this) {
            progressQueued = false;
            percent = lastPercent;
            message = lastMessage;
        }
        listener.progress(jobId, percent, message);
    }

    /** The terminal calls: each returns false when another terminal call came first. */
    boolean succeeded() {
        return end(() -> listener.succeeded(jobId));
    }

    boolean failed(String reason) {
        return end(() -> listener.failed(jobId, reason));
    }

    boolean cancelled() {
        return end(() -> listener.cancelled(jobId));
    }

    /** A claim on the terminal call, for work (copying the log) that must happen once before it. */
    synchronized boolean claimEnd() {
        return ended.compareAndSet(false, true);
    }

    /** The terminal call after a successful {@link #claimEnd}. */
    void deliver(java.util.function.Consumer<JobListener> terminalCall) {
        delivery.deliver(jobId, () -> terminalCall.accept(listener));
    }

    private synchronized boolean end(Runnable call) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        delivery.deliver(jobId, call);
        return true;
    }
}
