package eu.candela.wps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.samples.SamplePair;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.ProcessRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ChangeDetection run the way both launchers run it: a job directory through the runner. */
class ChangeDetectionJobTest {

    @TempDir
    static Path root;
    static JobDirectory job;
    static int exit;

    @BeforeAll
    static void runJob() throws Exception {
        SamplePair pair = SamplePairGenerator.generate(root.resolve("samples"), 256, 5);
        job = new JobDirectory(root.resolve("job")).create();
        Files.createDirectories(job.root().resolve("inputs"));
        Files.copy(pair.before(), job.root().resolve("inputs/before.tif"));
        job.writeInputs(new JobInputs("ChangeDetection", Map.of(
                "before", List.of(new FileValue("inputs/before.tif", MediaTypes.GEOTIFF)),
                "after", List.of(new FileValue(pair.after().toString(), null)))));
        exit = new ProcessRunner(ProcessRegistry.discover()).run("ChangeDetection", job.root(), () -> false);
    }

    private static OutputValue output(String id) throws Exception {
        JobResult result = job.readResult().orElseThrow();
        return result.output(id).orElseThrow();
    }

    @Test
    void succeeds() throws Exception {
        assertThat(exit).isEqualTo(ProcessRunner.SUCCEEDED);
        assertThat(job.readStatus().orElseThrow().percentCompleted()).isEqualTo(100);
    }

    @Test
    void reportsTheMaskAsACogWithBandStatistics() throws Exception {
        OutputValue mask = output("mask");

        assertThat(mask.path()).isEqualTo("outputs/change_mask.tif");
        assertThat(mask.mimeType()).isEqualTo(MediaTypes.COG);
        @SuppressWarnings("unchecked")
        Map<String, Object> band = ((List<Map<String, Object>>) mask.statistics().get("bands")).get(0);
        assertThat(band).containsEntry("band", 1).containsEntry("min", 0.0).containsEntry("max", 1.0);
        assertThat(((Number) band.get("validCount")).longValue()).isPositive();
    }

    @Test
    void reportsChangedPixelsAsAnIntegerLiteral() throws Exception {
        assertThat(output("changedPixels").dataType()).isEqualTo("integer");
        assertThat(Integer.parseInt(output("changedPixels").literal())).isPositive();
    }

    @Test
    void writesTheStatisticsDocument() throws Exception {
        OutputValue statistics = output("statistics");

        assertThat(statistics.mimeType()).isEqualTo(MediaTypes.JSON);
        assertThat(Files.readString(job.resolve(statistics.path())))
                .contains("\"canonicalCorrelations\"").contains("\"iterations\"").contains("\"changedPixels\"");
    }

    @Test
    void logsTheMethodSteps() throws Exception {
        assertThat(Files.readString(job.logFile())).contains("IR-MAD").contains("valid pixels changed");
    }
}
