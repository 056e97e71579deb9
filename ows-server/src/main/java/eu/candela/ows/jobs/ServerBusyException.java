package eu.candela.ows.jobs;

/**
 * The launcher could not take the job now. The job was recorded as failed with the same message,
 * so the client can be told to try again later.
 */
public class ServerBusyException extends Exception {
    private final String jobId;

    public ServerBusyException(String jobId, String message) {
        super(message);
        this.jobId = jobId;
    }

    /** The id of the job that was recorded as failed. */
    public String jobId() {
        return jobId;
    }
}
