package eu.candela.wps.jobdir;

import java.util.Objects;

/**
 * A complex input the server fetched (or found) as a local file.
 *
 * @param path     relative to the job directory ('/' separators), {@code eodata:<path>} in the EO archive
 *                 ({@link EoArchive}), or absolute (read, no longer written by the server)
 * @param mimeType the media type the client declared, or {@code null} for the input's default format
 */
public record FileValue(String path, String mimeType) implements InputValue {
    public FileValue {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path is blank");
        }
    }
}
