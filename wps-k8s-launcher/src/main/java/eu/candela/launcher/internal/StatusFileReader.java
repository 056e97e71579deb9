package eu.candela.launcher.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code status.json} of a job directory ({@code {"percentCompleted":42,"message":"...","updated":"..."}}).
 * Processes rewrite it atomically, but a reader must still survive a missing or malformed file: both
 * read as "no status yet", never as an error. Percentages outside 0..100 are clamped. Stateless.
 */
public final class StatusFileReader {
    public static final String STATUS_FILE = "status.json";

    private static final Logger LOG = LoggerFactory.getLogger(StatusFileReader.class);

    public Optional<StatusSnapshot> read(Path jobDirectory) {
        Path file = jobDirectory.resolve(STATUS_FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", file, e.toString());
            return Optional.empty();
        }
        try {
            return Optional.of(toSnapshot(JsonObjectParser.parseObject(text)));
        } catch (IllegalArgumentException e) {
            LOG.debug("ignoring malformed {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static StatusSnapshot toSnapshot(Map<String, Object> status) {
        Object percent = status.get("percentCompleted");
        Object message = status.get("message");
        int percentCompleted = percent instanceof Number number
                ? (int) Math.max(0, Math.min(100, Math.round(number.doubleValue())))
                : 0;
        return new StatusSnapshot(percentCompleted, message instanceof String text ? text : null);
    }
}
