package eu.candela.wps.jobdir;

import java.io.IOException;
import java.nio.file.Path;

/** A job file exists but is not valid JSON of the expected shape; the message names the file and the problem. */
public class JobFileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public JobFileFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + " is not valid: " + problem, cause);
        this.file = file;
    }

    public Path file() { return file; }
}
