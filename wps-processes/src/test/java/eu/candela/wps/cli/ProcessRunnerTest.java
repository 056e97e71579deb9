package eu.candela.wps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.jobdir.BoundingBoxValue;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.InlineValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.JobStatus;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.ProcessRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end on real job directories, with small test processes. */
class ProcessRunnerTest {

    @TempDir
    Path root;
    private final ProcessRunner runner = new ProcessRunner(ProcessRegistry.of(TestAlgorithms.all()));

    private JobDirectory job(JobInputs inputs) throws IOException {
        JobDirectory dir = new JobDirectory(root.resolve("job-" + inputs.processId())).create();
        dir.writeInputs(inputs);
        return dir;
    }

    private static JobInputs inputs(String processId) {
        return new JobInputs(processId, Map.of());
    }

    private int run(JobDirectory dir, String processId) {
        return runner.run(processId, dir.root(), () -> false);
    }

    private static JobStatus status(JobDirectory dir) throws IOException {
        return dir.readStatus().orElseThrow();
    }

    private static String literal(JobResult result, String id) {
        return result.output(id).orElseThrow().literal();
    }

    @Test
    void runsHelloToResultStatusAndLog() throws IOException {
        JobDirectory dir = job(inputs("Hello").with("name", new LiteralValue("World")));

        int exit = run(dir, "Hello");

        assertThat(exit).isEqualTo(ProcessRunner.SUCCEEDED);
        OutputValue response = dir.readResult().orElseThrow().output("response").orElseThrow();
        assertThat(response.literal()).isEqualTo("Hello World");
        assertThat(response.dataType()).isEqualTo("string");
        assertThat(status(dir).percentCompleted()).isEqualTo(100);
        assertThat(status(dir).message()).isEqualTo("succeeded");
        assertThat(Files.readString(dir.logFile())).contains("Process Hello succeeded");
    }

    @Test
    void appliesDefaultsAndConvertsTypes() throws IOException {
        JobDirectory dir = job(inputs("Echo").with("name", new LiteralValue("x")).with("count", new LiteralValue(" 7 ")));

        assertThat(run(dir, "Echo")).isEqualTo(ProcessRunner.SUCCEEDED);

        JobResult result = dir.readResult().orElseThrow();
        assertThat(literal(result, "alpha")).isEqualTo("0.5");
        assertThat(result.output("alpha").orElseThrow().dataType()).isEqualTo("double");
        assertThat(literal(result, "mode")).isEqualTo("FAST");
        assertThat(literal(result, "count")).isEqualTo("7");
    }

    @Test
    void bindsRepeatedValuesBoundingBoxAndInlineGeoJson() throws IOException {
        JobDirectory dir = job(inputs("Echo").with("name", new LiteralValue("x"))
                .with("tags", new LiteralValue("a"), new LiteralValue("b"))
                .with("extent", new BoundingBoxValue(new double[] {690000, 4970000}, new double[] {695000, 4975000}, "EPSG:32630"))
                .with("area", new InlineValue("{\"type\":\"Point\",\"coordinates\":[0,0]}", "application/geo+json")));

        assertThat(run(dir, "Echo")).isEqualTo(ProcessRunner.SUCCEEDED);

        JobResult result = dir.readResult().orElseThrow();
        assertThat(literal(result, "tags")).isEqualTo("a,b");
        assertThat(literal(result, "extentCrs")).isEqualTo("EPSG:32630");
        OutputValue area = result.output("area").orElseThrow();
        assertThat(area.path()).isEqualTo("outputs/area.geojson");
        assertThat(Files.readString(dir.resolve(area.path()))).contains("Point");
    }

    @Test
    void leavesOutOptionalOutputsTheProcessDidNotProduce() throws IOException {
        JobDirectory dir = job(inputs("Echo").with("name", new LiteralValue("x")));

        run(dir, "Echo");

        assertThat(dir.readResult().orElseThrow().output("count")).isEmpty();
    }

    @Test
    void reportsFileOutputsRelativeToTheJobDirectory() throws IOException {
        JobDirectory dir = job(inputs("Echo").with("name", new LiteralValue("x")));

        run(dir, "Echo");

        OutputValue report = dir.readResult().orElseThrow().output("report").orElseThrow();
        assertThat(report.path()).isEqualTo("outputs/report.txt");
        assertThat(report.mimeType()).isEqualTo("text/plain");
    }

    @Test
    void failsMissingRequiredInputNamingIt() throws IOException {
        JobDirectory dir = job(inputs("Hello"));

        int exit = run(dir, "Hello");

        assertThat(exit).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).isEqualTo("Input 'name' is required");
        assertThat(dir.readResult()).isEmpty();
    }

    @Test
    void failsLiteralOutsideItsRangeNamingTheInput() throws IOException {
        JobDirectory dir = job(inputs("Echo").with("name", new LiteralValue("x")).with("alpha", new LiteralValue("1.5")));

        assertThat(run(dir, "Echo")).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).startsWith("Input 'alpha'").contains("outside the range");
    }

    @Test
    void failsMissingInputFileNamingTheInput() throws IOException {
        JobDirectory dir = job(inputs("ChangeDetection")
                .with("before", new FileValue("inputs/nowhere.tif", null))
                .with("after", new FileValue("inputs/nowhere.tif", null)));
        ProcessRunner real = new ProcessRunner(ProcessRegistry.discover());

        assertThat(real.run("ChangeDetection", dir.root(), () -> false)).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).isEqualTo("Input 'before' file 'inputs/nowhere.tif' does not exist");
    }

    @Test
    void bindsAProductToItsSafeFolder() throws IOException {
        Path safe = Files.createDirectories(root.resolve("archive/S2A_MSIL2A_X.SAFE"));
        JobDirectory dir = job(inputs("ProductName").with("product", new FileValue(safe.toString(), MediaTypes.SAFE)));

        assertThat(run(dir, "ProductName")).isEqualTo(ProcessRunner.SUCCEEDED);
        assertThat(literal(dir.readResult().orElseThrow(), "folder")).isEqualTo(safe.toString());
    }

    @Test
    void bindsAFileInsideAProductToTheProductFolder() throws IOException {
        Path safe = Files.createDirectories(root.resolve("archive/S2A_MSIL1C_X.SAFE"));
        Path manifest = Files.writeString(safe.resolve("manifest.safe"), "<xfdu/>");
        JobDirectory dir = job(inputs("ProductName").with("product", new FileValue(manifest.toString(), null)));

        assertThat(run(dir, "ProductName")).isEqualTo(ProcessRunner.SUCCEEDED);
        assertThat(literal(dir.readResult().orElseThrow(), "folder")).isEqualTo(safe.toString());
    }

    @Test
    void failsAProductThatIsNoSafeFolderNamingTheInput() throws IOException {
        Path plain = Files.createDirectories(root.resolve("archive/not-a-product"));
        JobDirectory dir = job(inputs("ProductName").with("product", new FileValue(plain.toString(), null)));

        assertThat(run(dir, "ProductName")).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).startsWith("Input 'product'").contains("is not a product folder (*.SAFE)");
    }

    @Test
    void failsAMissingProductNamingTheInput() throws IOException {
        JobDirectory dir = job(inputs("ProductName").with("product", new FileValue("/nowhere/X.SAFE", null)));

        assertThat(run(dir, "ProductName")).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).isEqualTo("Input 'product' product folder '/nowhere/X.SAFE' does not exist");
    }

    @Test
    void failsUnknownInputNamingIt() throws IOException {
        JobDirectory dir = job(inputs("Hello").with("name", new LiteralValue("x")).with("nmae", new LiteralValue("y")));

        assertThat(run(dir, "Hello")).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).startsWith("Input 'nmae'");
    }

    @Test
    void failsCrashingAlgorithmWithItsMessageAndLogsTheStackTrace() throws IOException {
        JobDirectory dir = job(inputs("Failing"));

        int exit = run(dir, "Failing");

        assertThat(exit).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).isEqualTo("Process failed: " + TestAlgorithms.FAILURE);
        assertThat(status(dir).percentCompleted()).as("progress reached is kept").isEqualTo(20);
        assertThat(Files.readString(dir.logFile())).contains("java.lang.IllegalStateException").contains("\tat eu.candela");
    }

    @Test
    void failsUnknownProcess() throws IOException {
        JobDirectory dir = job(inputs("NoSuchProcess"));

        assertThat(run(dir, "NoSuchProcess")).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).isEqualTo("Unknown process 'NoSuchProcess'");
    }

    @Test
    void failsWhenInputsJsonIsMissing() throws IOException {
        JobDirectory dir = new JobDirectory(root.resolve("empty")).create();

        assertThat(run(dir, "Hello")).isEqualTo(ProcessRunner.FAILED);
        assertThat(status(dir).message()).isEqualTo("inputs.json is missing from the job directory");
    }

    @Test
    void stopsCancelledJobWithExitTwo() throws IOException {
        JobDirectory dir = job(inputs("Blocks"));
        AtomicInteger polls = new AtomicInteger();

        int exit = runner.run("Blocks", dir.root(), () -> polls.incrementAndGet() > 50);

        assertThat(exit).isEqualTo(ProcessRunner.CANCELLED);
        assertThat(status(dir).message()).isEqualTo("cancelled");
        assertThat(dir.readResult()).isEmpty();
    }

    @Test
    void doesNotStartAJobCancelledBeforeItRan() throws IOException {
        JobDirectory dir = job(inputs("Hello").with("name", new LiteralValue("x")));

        assertThat(runner.run("Hello", dir.root(), () -> true)).isEqualTo(ProcessRunner.CANCELLED);
    }
}
