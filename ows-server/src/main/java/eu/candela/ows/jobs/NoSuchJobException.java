package eu.candela.ows.jobs;

/** No job has this id (or the id is not a job id at all). */
public class NoSuchJobException extends Exception {
    private final String jobId;

    public NoSuchJobException(String jobId) {
        super("no job with id '" + jobId + "'");
        this.jobId = jobId;
    }

    /** The id that was asked for, as given; fronts use it as the locator. */
    public String jobId() {
        return jobId;
    }
}
