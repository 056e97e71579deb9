package eu.candela.ows.jobs;

import java.nio.file.Path;

/**
 * Supplied by a protocol front at submission: writes {@code inputs.json} and any fetched input
 * files into the new job directory. Whatever it throws reaches the caller of
 * {@link JobService#submit} unchanged, and the directory is removed: nothing was accepted.
 *
 * @param <E> the checked exception the writer may throw ({@link RuntimeException} for a lambda that throws none)
 */
@FunctionalInterface
public interface JobInputsWriter<E extends Exception> {
    void write(Path jobDirectory) throws E;
}
