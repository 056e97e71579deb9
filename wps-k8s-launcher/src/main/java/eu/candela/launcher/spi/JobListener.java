package eu.candela.launcher.spi;

/**
 * Receives what happens to a launched job. Called from launcher threads; implementations must be
 * thread-safe and quick. Each job gets at most one {@link #started}, any number of
 * {@link #progress}, and exactly one terminal call ({@link #succeeded}, {@link #failed} or
 * {@link #cancelled}).
 */
public interface JobListener {
    /** Hears nothing: for a job whose course nobody follows (a step re-attached only to be cancelled). */
    JobListener IGNORING = new JobListener() {
        @Override
        public void started(String jobId) {
        }

        @Override
        public void progress(String jobId, int percentCompleted, String message) {
        }

        @Override
        public void succeeded(String jobId) {
        }

        @Override
        public void failed(String jobId, String reason) {
        }

        @Override
        public void cancelled(String jobId) {
        }
    };

    void started(String jobId);

    void progress(String jobId, int percentCompleted, String message);

    /** The process ended normally; its {@code result.json} is in the job directory. */
    void succeeded(String jobId);

    /** The process ended with an error; {@code reason} is a message fit for the user. */
    void failed(String jobId, String reason);

    /** The job was cancelled before or while running. */
    void cancelled(String jobId);
}
