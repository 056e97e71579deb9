package eu.candela.wps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.samples.SamplePair;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.workflow.StepDirectories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candela-processes.jar run <workflow-id> <job-dir>} on a workflow of real processes: the
 * test-only {@code test.HalvesChangeDetection} crops the sample pair into halves and runs
 * ChangeDetection on each, every step in {@code <job-dir>/steps/<name>}.
 */
class WorkflowCliTest {

    @TempDir
    static Path root;
    static SamplePair pair;
    static JobDirectory job;
    static int exit;
    static String console;

    @BeforeAll
    static void runWorkflow() throws Exception {
        pair = SamplePairGenerator.generate(root.resolve("samples"), 256, ProcessCli.SAMPLE_SEED);
        job = new JobDirectory(root.resolve("job")).create();
        Files.createDirectories(job.resolve("inputs"));
        Files.copy(pair.before(), job.resolve("inputs/before.tif"));
        job.writeInputs(new JobInputs("test.HalvesChangeDetection", Map.of(
                "before", List.of(new FileValue("inputs/before.tif", null)),
                "after", List.of(new FileValue(pair.after().toString(), null)))));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessCli cli = new ProcessCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        exit = cli.execute(new String[] {"run", "test.HalvesChangeDetection", job.root().toString()});
        console = err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void succeedsWithEveryStepInItsOwnJobDirectory() throws Exception {
        assertThat(exit).as(console).isZero();
        assertThat(StepDirectories.all(job.root())).extracting(p -> p.getFileName().toString()).containsExactly(
                "crop-after-bottom", "crop-after-top", "crop-before-bottom", "crop-before-top", "detect-bottom", "detect-top");
        assertThat(console).contains("[ 30%]").contains("[100%] succeeded");
    }

    @Test
    void theWorkflowsInputInItsJobDirectoryIsLinkedAndTheArchiveFileReferenced() throws Exception {
        JobDirectory crop = StepDirectories.of(job.root(), "crop-before-top");
        assertThat(Files.isSameFile(crop.resolve("inputs/raster-1-before.tif"), job.resolve("inputs/before.tif"))).isTrue();
        assertThat(Files.readString(StepDirectories.of(job.root(), "crop-after-top").inputsFile()))
                .contains(pair.after().toAbsolutePath().toString());
    }

    @Test
    void theTotalIsTheSumOfTheHalvesMasksAndMatchesTheTruth() throws Exception {
        JobResult result = job.readResult().orElseThrow();
        long topChanged = countChanged(job.resolve(result.output("topMask").orElseThrow().path()));
        long bottomChanged = countChanged(job.resolve(result.output("bottomMask").orElseThrow().path()));
        assertThat(Integer.parseInt(result.output("changedPixels").orElseThrow().literal())).isEqualTo(topChanged + bottomChanged);
        assertThat(topChanged).isPositive();
        assertThat(bottomChanged).isPositive();

        // F1 of the two halves against the generator's truth, rows offset for the bottom half
        long[] top = tally(job.resolve(result.output("topMask").orElseThrow().path()), 0);
        long[] bottom = tally(job.resolve(result.output("bottomMask").orElseThrow().path()), 128);
        long tp = top[0] + bottom[0];
        long fp = top[1] + bottom[1];
        long fn = top[2] + bottom[2];
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        assertThat(f1).isGreaterThan(0.9);
    }

    @Test
    void onlyTheWorkflowsOwnOutputsAreInItsResult() throws Exception {
        assertThat(job.readResult().orElseThrow().outputs()).extracting(o -> o.id())
                .containsExactly("changedPixels", "topMask", "bottomMask");
    }

    private static long countChanged(Path mask) throws Exception {
        try (GeoTiffReader m = GeoTiffReader.open(mask)) {
            RasterBlock b = m.read(0, 0, m.info().width(), m.info().height());
            long n = 0;
            for (float v : b.band(0)) {
                n += v == 1f ? 1 : 0;
            }
            return n;
        }
    }

    /** True positives, false positives, false negatives of a half mask starting at {@code rowOffset} of the truth. */
    private static long[] tally(Path mask, int rowOffset) throws Exception {
        try (GeoTiffReader m = GeoTiffReader.open(mask); GeoTiffReader t = GeoTiffReader.open(pair.truth())) {
            int w = m.info().width();
            int h = m.info().height();
            RasterBlock mb = m.read(0, 0, w, h);
            RasterBlock tb = t.read(0, rowOffset, w, h);
            long[] counts = new long[3];
            for (int i = 0; i < w * h; i++) {
                float predicted = mb.band(0)[i];
                float truth = tb.band(0)[i];
                if (predicted == 255f || truth == 255f) {
                    continue;
                }
                if (predicted == 1f && truth == 1f) counts[0]++;
                else if (predicted == 1f) counts[1]++;
                else if (truth == 1f) counts[2]++;
            }
            return counts;
        }
    }
}
