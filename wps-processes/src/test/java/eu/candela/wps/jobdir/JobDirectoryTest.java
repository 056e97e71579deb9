package eu.candela.wps.jobdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDirectoryTest {

    @TempDir
    Path root;

    private JobDirectory dir() throws IOException {
        return new JobDirectory(root.resolve("job-1")).create();
    }

    @Test
    void namesTheContractFiles() {
        JobDirectory d = new JobDirectory(root);
        assertThat(d.inputsFile()).isEqualTo(root.resolve("inputs.json"));
        assertThat(d.statusFile()).isEqualTo(root.resolve("status.json"));
        assertThat(d.outputsDir()).isEqualTo(root.resolve("outputs"));
        assertThat(d.resultFile()).isEqualTo(root.resolve("result.json"));
        assertThat(d.logFile()).isEqualTo(root.resolve("job.log"));
    }

    @Test
    void roundTripsInputsOfEveryKind() throws IOException {
        Map<String, List<InputValue>> values = new LinkedHashMap<>();
        values.put("threshold", List.of(new LiteralValue("0.95")));
        values.put("before", List.of(new FileValue("inputs/before.tif", "image/tiff; application=geotiff")));
        values.put("area", List.of(new InlineValue("{\"type\":\"Point\",\"coordinates\":[0,0]}", "application/geo+json")));
        values.put("extent", List.of(new BoundingBoxValue(new double[] {44.8, -0.6}, new double[] {44.9, -0.5}, "EPSG:4326")));
        values.put("tags", List.of(new LiteralValue("a"), new LiteralValue("b")));
        JobInputs inputs = new JobInputs("ChangeDetection", values);
        JobDirectory d = dir();

        d.writeInputs(inputs);

        assertThat(d.readInputs()).isEqualTo(inputs);
    }

    @Test
    void readsTheDocumentedInputsFormatIgnoringUnknownProperties() throws IOException {
        JobDirectory d = dir();
        try (InputStream example = getClass().getResourceAsStream("/jobdir/inputs-example.json")) {
            Files.copy(example, d.inputsFile());
        }

        JobInputs inputs = d.readInputs();

        assertThat(inputs.processId()).isEqualTo("ChangeDetection");
        assertThat(inputs.values("before")).containsExactly(new FileValue("inputs/before.tif", "image/tiff; application=geotiff"));
        assertThat(inputs.values("after")).containsExactly(new FileValue("/eodata/after.tif", null));
        assertThat(inputs.values("threshold")).containsExactly(new LiteralValue("0.95"));
        assertThat(inputs.values("area").get(0)).isInstanceOf(InlineValue.class);
        assertThat(inputs.values("extent")).containsExactly(
                new BoundingBoxValue(new double[] {44.8, -0.6}, new double[] {44.9, -0.5}, "EPSG:4326"));
    }

    @Test
    void roundTripsStatus() throws IOException {
        JobStatus status = new JobStatus(42, "IR-MAD iteration 3", Instant.parse("2017-04-29T10:15:30.123Z"));
        JobDirectory d = dir();

        d.writeStatus(status);

        assertThat(d.readStatus()).contains(status);
    }

    @Test
    void writesStatusTimeAsIsoText() throws IOException {
        JobDirectory d = dir();
        d.writeStatus(new JobStatus(1, "started", Instant.parse("2017-04-29T10:15:30Z")));

        assertThat(Files.readString(d.statusFile())).contains("\"updated\" : \"2017-04-29T10:15:30Z\"");
    }

    @Test
    void answersEmptyStatusAndResultBeforeTheRunnerWroteThem() throws IOException {
        JobDirectory d = dir();

        assertThat(d.readStatus()).isEmpty();
        assertThat(d.readResult()).isEmpty();
    }

    @Test
    void roundTripsResultWithFileAndLiteralOutputs() throws IOException {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("band", 1);
        band.put("validCount", 250000);
        band.put("min", 0.0);
        band.put("max", 1.0);
        JobResult result = new JobResult(List.of(
                OutputValue.file("mask", "image/tiff; application=geotiff; profile=cloud-optimized", "outputs/change_mask.tif",
                        Map.of("bands", List.of(band))),
                OutputValue.literal("changedPixels", "1234", "integer")));
        JobDirectory d = dir();

        d.writeResult(result);

        assertThat(d.readResult()).contains(result);
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        JobDirectory d = dir();
        for (int i = 0; i < 5; i++) {
            d.writeStatus(new JobStatus(i * 10, "step " + i, Instant.now()));
        }

        try (Stream<Path> files = Files.list(d.root())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("outputs", "status.json");
        }
    }

    @Test
    void namesTheFileWhenItIsNotValidJson() throws IOException {
        JobDirectory d = dir();
        Files.writeString(d.inputsFile(), "{\"processId\": ");

        assertThatThrownBy(d::readInputs)
                .isInstanceOf(JobFileFormatException.class)
                .hasMessageStartingWith("inputs.json is not valid");
    }

    @Test
    void refersToFilesInsideRelativelyAndOutsideAbsolutely() {
        JobDirectory d = new JobDirectory(root);

        assertThat(d.relativize(root.resolve("outputs").resolve("mask.tif"))).isEqualTo("outputs/mask.tif");
        assertThat(d.relativize(Path.of("/eodata/scene.tif"))).isEqualTo("/eodata/scene.tif");
        assertThat(d.resolve("outputs/mask.tif")).isEqualTo(root.resolve("outputs/mask.tif"));
    }

    @Test
    void rejectsStatusOutsideZeroToHundred() {
        assertThatThrownBy(() -> new JobStatus(101, "too far", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percentCompleted");
    }

    @Test
    void rejectsOutputWithBothPathAndLiteral() {
        assertThatThrownBy(() -> new OutputValue("x", "text/plain", "outputs/x.txt", "1", "integer", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of path and literal");
    }
}
