package eu.candela.wps.jobdir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * JSON encoding of the job files ({@link JobInputs}, {@link JobStatus}, {@link JobResult}). Thread-safe.
 * Unknown properties are ignored when reading, so a newer server and an older processing image (or
 * the reverse) can still talk.
 */
public final class JobFileCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public byte[] encode(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public <T> T decode(byte[] json, Class<T> type, Path source) throws JobFileFormatException {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new JobFileFormatException(source, e.getOriginalMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new JobFileFormatException(source, e.getMessage(), e);
        }
    }

    /**
     * Writes {@code value} to {@code file} through a temporary file in the same folder and a move,
     * so concurrent readers see the old content or the new, never a part.
     */
    public void write(Path file, Object value) throws IOException {
        byte[] json = encode(value);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, json);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some network volumes cannot rename atomically; a plain replace is still one rename there.
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads {@code file}. */
    public <T> T read(Path file, Class<T> type) throws IOException {
        return decode(Files.readAllBytes(file), type, file);
    }

    /** Reads {@code file}, or empty when it does not exist (yet). */
    public <T> Optional<T> readIfPresent(Path file, Class<T> type) throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(decode(json, type, file));
    }
}
