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
     * @param cancelled polled by the process; true once the job should stop (a local launcher also
     *                  interrupts the thread, so blocking calls end early)
     * @return the exit code: 0 success, 2 stopped on cancellation, anything else failure (the reason is
     *         the {@code message} of {@code status.json}; details go to {@code job.log})
     */
    int run(String processId, Path jobDirectory, BooleanSupplier cancelled) throws Exception;
}
