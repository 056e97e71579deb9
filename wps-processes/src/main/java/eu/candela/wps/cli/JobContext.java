package eu.candela.wps.cli;

import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.spi.ProcessContext;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/** The {@link ProcessContext} of one job run from a job directory. */
final class JobContext implements ProcessContext {

    private final JobDirectory jobDirectory;
    private final StatusReporter status;
    private final BooleanSupplier cancelled;
    private final JobLog log;

    JobContext(JobDirectory jobDirectory, StatusReporter status, BooleanSupplier cancelled, JobLog log) {
        this.jobDirectory = jobDirectory;
        this.status = status;
        this.cancelled = cancelled;
        this.log = log;
    }

    @Override
    public void progress(int percentCompleted, String message) {
        status.progress(percentCompleted, message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public Path jobDirectory() {
        return jobDirectory.root();
    }

    @Override
    public Path outputDirectory() {
        return jobDirectory.outputsDir();
    }

    @Override
    public Logger log() {
        return log;
    }
}
