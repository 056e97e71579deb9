package eu.candela.launcher.spi;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The processing entry point a local launcher calls in-process: the same code the processing
 * image's CLI runs ({@code run <process-id> <job-dir>}). It reads {@code inputs.json}, keeps
 * {@code status.json} current and writes {@code result.json}.
 */
@FunctionalInterface
public interface JobEntryPoint {
    /**
     * @param cancelled polled by the process; true once the job should stop
     * @return the exit code: 0 success, anything else failure (the reason is in {@code status.json} and {@code job.log})
     */
    int run(String processId, Path jobDirectory, BooleanSupplier cancelled) throws Exception;
}
