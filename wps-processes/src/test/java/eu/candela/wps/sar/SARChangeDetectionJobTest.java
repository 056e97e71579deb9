package eu.candela.wps.sar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.samples.SarPair;
import eu.candela.wps.samples.SarPairGenerator;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.ProcessRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARChangeDetection run the way both launchers run it: inputs.json in a job directory, through the runner. */
class SARChangeDetectionJobTest {

    @TempDir
    Path root;

    @Test
    void runsFromAJobDirectoryAndReportsEveryOutput() throws Exception {
        SarPair pair = SarPairGenerator.generate(root.resolve("pair"), 200, 160, 4, 9);
        JobDirectory job = new JobDirectory(root.resolve("job")).create();
        job.writeInputs(new JobInputs("SARChangeDetection", Map.of(
                "before", List.of(new FileValue(pair.before().toString(), MediaTypes.COG)),
                "after", List.of(new FileValue(pair.after().toString(), MediaTypes.COG)),
                "band", List.of(new LiteralValue("VH")),
                "classifier", List.of(new LiteralValue("PCA_KMEANS")))));

        int exit = new ProcessRunner(ProcessRegistry.discover()).run("SARChangeDetection", job.root(), () -> false);

        assertThat(exit).isEqualTo(ProcessRunner.SUCCEEDED);
        assertThat(job.readStatus().orElseThrow().percentCompleted()).isEqualTo(100);
        OutputValue map = job.readResult().orElseThrow().output("changeMap").orElseThrow();
        assertThat(map.mimeType()).isEqualTo(MediaTypes.COG);
        @SuppressWarnings("unchecked")
        Map<String, Object> band = ((List<Map<String, Object>>) map.statistics().get("bands")).get(0);
        assertThat(band).containsEntry("min", 0.0).containsEntry("max", 2.0);
        assertThat(job.readResult().orElseThrow().output("increasedPixels").orElseThrow().dataType()).isEqualTo("integer");
        assertThat(job.readResult().orElseThrow().output("preview").orElseThrow().mimeType()).isEqualTo("image/png");
    }
}
