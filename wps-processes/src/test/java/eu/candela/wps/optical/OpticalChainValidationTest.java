package eu.candela.wps.optical;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.cli.InProcessSteps;
import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.BoundingBoxValue;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.InputValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.samples.CloudyPair;
import eu.candela.wps.samples.CloudyPairGenerator;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.ProcessRegistry;
import eu.candela.wps.testing.TestRasters;
import eu.candela.wps.workflow.WorkflowLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the chain refuses, with the input (or the step) named in the job's status message. */
class OpticalChainValidationTest {

    @TempDir
    static Path root;
    static CloudyPair pair;
    static final ProcessRegistry REGISTRY = ProcessRegistry.discover();

    @BeforeAll
    static void generate() throws Exception {
        pair = CloudyPairGenerator.generate(root.resolve("pair"), 128, 7, true);
    }

    private static String fail(String name, Map<String, List<InputValue>> inputs) throws Exception {
        JobDirectory job = new JobDirectory(root.resolve(name)).create();
        job.writeInputs(new JobInputs("OpticalChangeDetectionChain", inputs));
        int exit = new ProcessRunner(REGISTRY, s -> { }, new InProcessSteps(REGISTRY, WorkflowLimits.of(1)))
                .run("OpticalChangeDetectionChain", job.root(), () -> false);
        assertThat(exit).isEqualTo(ProcessRunner.FAILED);
        return job.readStatus().orElseThrow().message();
    }

    private static List<InputValue> file(Path p) {
        return List.of(new FileValue(p.toString(), MediaTypes.COG));
    }

    @Test
    void needsAnEarlierProductOrScene() throws Exception {
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        inputs.put("afterImage", file(pair.after()));

        assertThat(fail("no-before", inputs)).contains("'before'", "is required");
    }

    @Test
    void refusesAnAreaForConvertedScenes() throws Exception {
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        inputs.put("beforeImage", file(pair.before()));
        inputs.put("afterImage", file(pair.after()));
        inputs.put("area", List.of(new BoundingBoxValue(new double[] {44.8, -0.6}, new double[] {44.9, -0.5}, "EPSG:4326")));

        assertThat(fail("area", inputs)).contains("'area'", "applies to products");
    }

    @Test
    void failsNamingTheSplitStepWhenTheScenesAreOfDifferentTiles() throws Exception {
        Path other = TestRasters.random(root.resolve("S2A_MSIL2A_20170501T105621_N0400_R094_T31TCJ.tif"),
                TestRasters.grid(128, 128), 5, 3);
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        inputs.put("beforeImage", file(pair.before()));
        inputs.put("afterImage", file(other));

        assertThat(fail("tiles", inputs)).contains("'split'", "form no pair");
    }
}
