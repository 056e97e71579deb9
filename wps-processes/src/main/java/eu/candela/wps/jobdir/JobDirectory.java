package eu.candela.wps.jobdir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A job directory: where its files are and how to read and write them (see the package
 * documentation for the layout). Holds no state but the root, so server and runner can each make
 * one for the same folder.
 *
 * @param root the job directory
 */
public record JobDirectory(Path root) {

    private static final JobFileCodec CODEC = new JobFileCodec();

    public JobDirectory {
        Objects.requireNonNull(root, "root");
    }

    public Path inputsFile() { return root.resolve("inputs.json"); }

    public Path statusFile() { return root.resolve("status.json"); }

    public Path outputsDir() { return root.resolve("outputs"); }

    public Path resultFile() { return root.resolve("result.json"); }

    public Path logFile() { return root.resolve("job.log"); }

    /** Creates the job directory and its outputs folder when missing. */
    public JobDirectory create() throws IOException {
        Files.createDirectories(outputsDir());
        return this;
    }

    public JobInputs readInputs() throws IOException {
        return CODEC.read(inputsFile(), JobInputs.class);
    }

    public void writeInputs(JobInputs inputs) throws IOException {
        CODEC.write(inputsFile(), inputs);
    }

    /** The last status written, or empty when the runner has not written one yet. */
    public Optional<JobStatus> readStatus() throws IOException {
        return CODEC.readIfPresent(statusFile(), JobStatus.class);
    }

    public void writeStatus(JobStatus status) throws IOException {
        CODEC.write(statusFile(), status);
    }

    /** The result, or empty while the job has not succeeded. */
    public Optional<JobResult> readResult() throws IOException {
        return CODEC.readIfPresent(resultFile(), JobResult.class);
    }

    public void writeResult(JobResult result) throws IOException {
        CODEC.write(resultFile(), result);
    }

    /** A path as written in a job file: relative to this directory, or absolute. */
    public Path resolve(String path) {
        return root.resolve(path);
    }

    /**
     * How a job file refers to {@code file}: relative to this directory with '/' separators when it
     * lies inside, otherwise its absolute path.
     */
    public String relativize(Path file) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(absoluteRoot)) {
            return absolute.toString();
        }
        return absoluteRoot.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
    }
}
