package eu.candela.ows.jobs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Supplied by a protocol front at submission: writes {@code inputs.json} and any fetched input
 * files into the new job directory. Whatever it throws reaches the caller of
 * {@link JobService#submit} unchanged, and the directory is removed: nothing was accepted.
 */
@FunctionalInterface
public interface JobInputsWriter {
    void write(Path jobDirectory) throws IOException;
}
