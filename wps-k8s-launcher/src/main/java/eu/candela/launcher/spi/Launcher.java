package eu.candela.launcher.spi;

import java.util.Set;

/**
 * Runs jobs somewhere (a local worker pool, a Kubernetes cluster) and reports their course to a
 * {@link JobListener}. A launcher knows nothing of protocols or algorithms: only job directories.
 */
public interface Launcher extends AutoCloseable {

    /**
     * Queues a job. Returns at once; the listener hears of its course.
     *
     * @throws LauncherBusyException when the launcher cannot accept another job now; nothing was queued
     */
    void submit(JobSpec spec, JobListener listener) throws LauncherBusyException;

    /**
     * Asks a queued or running job to stop. The listener hears {@code cancelled} once it has.
     *
     * @return false when the launcher does not know the job (already finished or never submitted)
     */
    boolean cancel(String jobId);

    /** Ids of the jobs queued or running in this launcher now. */
    Set<String> activeJobs();

    /**
     * Follows a job submitted before this launcher started (by an earlier server process), which
     * {@link #activeJobs()} reports: {@code listener} hears the rest of its course. A launcher whose
     * jobs die with the process (the local one) knows none and returns false. A job the launcher
     * already follows keeps its listener.
     *
     * @return true when the launcher follows the job
     */
    default boolean reattach(String jobId, JobListener listener) {
        return false;
    }

    /**
     * Runs the server's reconciliation of its open jobs with this launcher ({@code JobService}'s
     * recovery: re-attach what still runs, settle the rest) when this server is the one that should: at
     * once by default; a launcher that replicas share (Kubernetes with a Lease) runs it on the replica
     * that holds the Lease, each time it takes it, so replicas do not all settle each other's jobs.
     */
    default void whenReconciling(Runnable reconciliation) {
        reconciliation.run();
    }

    /**
     * False when the launcher cannot run or follow jobs: closed, its workers gone, or the watcher
     * that follows progress (a poller, an informer) stopped. Reported by the server's health check.
     */
    boolean isHealthy();

    /** Stops accepting jobs and interrupts running ones. */
    @Override
    void close();
}
