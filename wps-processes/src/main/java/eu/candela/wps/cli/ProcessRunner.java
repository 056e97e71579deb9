package eu.candela.wps.cli;

import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.wps.jobdir.EoArchive;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobFileFormatException;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.JobStatus;
import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.ProcessCancelledException;
import eu.candela.wps.spi.ProcessRegistry;
import eu.candela.wps.spi.UnknownProcessException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one process on one job directory: binds {@code inputs.json} to the input record, runs the
 * algorithm with a {@link eu.candela.wps.spi.ProcessContext} that keeps {@code status.json} and
 * {@code job.log} up to date, and writes {@code result.json}. The same entry point serves the CLI
 * (in a container) and the local launcher (in-process), so both runtimes behave the same.
 *
 * <p>Whatever happens, the last {@code status.json} says how it ended: "succeeded" at 100, or a
 * message fit for a user; stack traces go to {@code job.log} only. Thread-safe: one runner may run
 * several jobs at once.
 */
public final class ProcessRunner {

    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int CANCELLED = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);

    private final ProcessRegistry registry;
    private final Consumer<JobStatus> progressListener;
    private final Optional<EoArchive> eoArchive;
    private final Clock clock;

    /** A runner without an EO archive: {@code eodata:} inputs are refused with the input named. */
    public ProcessRunner(ProcessRegistry registry) {
        this(registry, status -> { }, Optional.empty(), Clock.systemUTC());
    }

    /** @param eoArchive where this runtime sees the EO archive that {@code eodata:} inputs name */
    public ProcessRunner(ProcessRegistry registry, EoArchive eoArchive) {
        this(registry, status -> { }, Optional.of(eoArchive), Clock.systemUTC());
    }

    /**
     * @param progressListener told of every status written, for example to echo progress on a console
     * @param eoArchive        where this runtime sees the EO archive; empty when it has none
     */
    public ProcessRunner(ProcessRegistry registry, Consumer<JobStatus> progressListener, Optional<EoArchive> eoArchive) {
        this(registry, progressListener, eoArchive, Clock.systemUTC());
    }

    ProcessRunner(ProcessRegistry registry, Consumer<JobStatus> progressListener, Optional<EoArchive> eoArchive, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.progressListener = Objects.requireNonNull(progressListener, "progressListener");
        this.eoArchive = Objects.requireNonNull(eoArchive, "eoArchive");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code processId} on {@code jobDir}.
     *
     * @param cancelled polled by the process between blocks; true once the job should stop
     * @return {@link #SUCCEEDED}, {@link #FAILED} or {@link #CANCELLED}
     */
    public int run(String processId, Path jobDir, BooleanSupplier cancelled) {
        JobDirectory directory = new JobDirectory(jobDir);
        MDC.put("processId", processId);
        MDC.put("jobId", String.valueOf(jobDir.getFileName()));
        try {
            directory.create();
            try (JobLog log = JobLog.open(directory.logFile(), processId, clock)) {
                StatusReporter status = new StatusReporter(directory, clock, progressListener);
                return execute(processId, directory, new JobContext(directory, status, cancelled, log), status, log);
            }
        } catch (IOException | RuntimeException e) {
            // Reached only when the job directory itself is unusable: nowhere else to tell.
            LOG.error("Cannot run {} in {}: {}", processId, jobDir, e.toString());
            return FAILED;
        } finally {
            MDC.remove("processId");
            MDC.remove("jobId");
        }
    }

    private int execute(String processId, JobDirectory directory, JobContext context, StatusReporter status, JobLog log) {
        try {
            status.progress(0, "started");
            log.info("Running process {} in {}", processId, directory.root().toAbsolutePath());
            ProcessRegistry.Entry entry = registry.entry(processId).orElseThrow(() -> new UnknownProcessException(processId));
            JobInputs inputs = directory.readInputs();
            if (!processId.equals(inputs.processId())) {
                throw new IllegalStateException("inputs.json is for process '" + inputs.processId() + "', not '" + processId + "'");
            }
            Record input = new InputBinder(entry.definition(), directory, eoArchive).bind(inputs);
            context.checkCancelled();
            Record output = runAlgorithm(entry.algorithm(), input, context);
            if (output == null) {
                throw new IllegalStateException("the process returned no outputs");
            }
            directory.writeResult(new ResultCollector(entry.definition(), directory).collect(output));
            status.finish(100, "succeeded");
            log.info("Process {} succeeded", processId);
            return SUCCEEDED;
        } catch (ProcessCancelledException e) {
            log.info("Process {} cancelled", processId);
            status.finish(0, "cancelled");
            return CANCELLED;
        } catch (Exception | OutOfMemoryError e) {
            String message = userMessage(e);
            log.error(message, e);
            status.finish(0, message);
            return FAILED;
        }
    }

    @SuppressWarnings("unchecked")
    private static Record runAlgorithm(Algorithm<?, ?> algorithm, Record input, JobContext context) throws Exception {
        return ((Algorithm<Record, Record>) algorithm).run(input, context);
    }

    /** What a user reads in the job status: the cause in plain words, without a stack trace. */
    static String userMessage(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof UnknownProcessException || e instanceof JobFileFormatException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException missing && missing.getFile() != null && missing.getFile().endsWith("inputs.json")) {
            return "inputs.json is missing from the job directory";
        }
        if (e instanceof RasterFormatException) {
            return "Cannot read a raster: " + e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "The process ran out of memory";
        }
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return "Process failed: " + detail;
    }
}
