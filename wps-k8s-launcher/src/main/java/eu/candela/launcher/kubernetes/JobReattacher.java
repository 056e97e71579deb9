package eu.candela.launcher.kubernetes;

import java.util.Optional;

import eu.candela.launcher.spi.JobListener;

/**
 * The server's side of reconciliation. At start (or when this replica becomes leader) the launcher lists
 * the Candela Jobs in the cluster and asks, for each one it does not follow yet, whether the server still
 * believes that job active; if so the returned listener hears the rest of its course, which may be an
 * immediate terminal call for a Job that ended while no server watched.
 */
@FunctionalInterface
public interface JobReattacher {
    /** The listener of a job the server still considers queued or running, else empty. */
    Optional<JobListener> listenerFor(String jobId);

    /** For a launcher that follows only the jobs submitted to it. */
    static JobReattacher none() {
        return jobId -> Optional.empty();
    }
}
