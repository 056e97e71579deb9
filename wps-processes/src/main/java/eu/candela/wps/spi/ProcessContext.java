package eu.candela.wps.spi;

import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * All a running algorithm sees of its job: progress, cancellation, where to write, and a logger.
 * It knows nothing of HTTP, job stores or Kubernetes, so the same algorithm runs in every runtime.
 */
public interface ProcessContext {

    /**
     * Reports progress. Values are clamped to 0..100 and never go backwards; frequent calls are
     * cheap, because the runner throttles what it writes.
     */
    void progress(int percentCompleted, String message);

    /** True once the client (or the platform) asked to stop this job. */
    boolean isCancelled();

    /**
     * Throws when the job is cancelled; call it between blocks so a cancelled job stops within one
     * block's work.
     *
     * @throws ProcessCancelledException when {@link #isCancelled()} is true
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new ProcessCancelledException();
        }
    }

    /** The job directory (inputs.json, status.json, ...); scratch files may go here. */
    Path jobDirectory();

    /** Where complex outputs are written; it exists when the algorithm starts. */
    Path outputDirectory();

    /** The job's log: what goes here ends up in {@code job.log}, which users can read. */
    Logger log();
}
