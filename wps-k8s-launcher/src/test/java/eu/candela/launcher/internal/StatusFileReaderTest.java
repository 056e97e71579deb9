package eu.candela.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileReaderTest {
    @TempDir
    Path jobDirectory;

    private final StatusFileReader reader = new StatusFileReader();

    @Test
    void readsPercentAndMessage() throws IOException {
        write("{\"percentCompleted\":42,\"message\":\"tile 3 of 7\",\"updated\":\"2026-11-22T10:00:00Z\"}");

        assertThat(reader.read(jobDirectory)).contains(new StatusSnapshot(42, "tile 3 of 7"));
    }

    @Test
    void decodesEscapesInTheMessage() throws IOException {
        write("{\"message\":\"quote \\\" tab\\t \\u00e9\", \"percentCompleted\": 5.0}");

        assertThat(reader.read(jobDirectory)).contains(new StatusSnapshot(5, "quote \" tab\t \u00e9"));
    }

    @Test
    void ignoresUnknownAndNestedMembers() throws IOException {
        write("{\"extra\":{\"a\":[1,2,{\"b\":null}]},\"ok\":true,\"percentCompleted\":7,\"message\":null}");

        assertThat(reader.read(jobDirectory)).contains(new StatusSnapshot(7, null));
    }

    @Test
    void clampsPercentToZeroToHundred() throws IOException {
        write("{\"percentCompleted\":140}");

        assertThat(reader.read(jobDirectory)).contains(new StatusSnapshot(100, null));
    }

    @Test
    void missingFileReadsAsNoStatus() {
        assertThat(reader.read(jobDirectory)).isEmpty();
    }

    @Test
    void truncatedFileReadsAsNoStatus() throws IOException {
        write("{\"percentCompleted\":42,\"mess");

        assertThat(reader.read(jobDirectory)).isEmpty();
    }

    @Test
    void nonObjectReadsAsNoStatus() throws IOException {
        write("[42]");

        assertThat(reader.read(jobDirectory)).isEmpty();
    }

    private void write(String json) throws IOException {
        Files.writeString(jobDirectory.resolve("status.json"), json);
    }
}
