package eu.candela.ows.jobs;

/** The job store could not read or write (database down, constraint broken). */
public class JobStoreException extends RuntimeException {
    public JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
