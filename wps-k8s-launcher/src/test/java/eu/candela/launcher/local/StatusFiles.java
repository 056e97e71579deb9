package eu.candela.launcher.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes status.json the way a process does: to a temporary file, then an atomic move. */
final class StatusFiles {
    private StatusFiles() {
    }

    static void write(Path jobDirectory, int percentCompleted, String message) {
        String json = "{\"percentCompleted\":" + percentCompleted + ",\"message\":\"" + message
                + "\",\"updated\":\"2026-11-22T10:00:00Z\"}";
        try {
            Path temporary = Files.createTempFile(jobDirectory, "status", ".tmp");
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            Files.move(temporary, jobDirectory.resolve("status.json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
