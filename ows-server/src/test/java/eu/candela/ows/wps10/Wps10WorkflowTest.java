package eu.candela.ows.wps10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import eu.candela.wps.workflow.StepDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A workflow of real processes through WPS 1.0.0 on the embedded server: the test-only
 * {@code test.HalvesChangeDetection} crops the sample pair into halves and runs ChangeDetection on
 * each, every step a job of the local launcher in the workflow's {@code steps/} folder. Only the
 * workflow's own outputs become layers.
 */
class Wps10WorkflowTest extends ServerTestBase {

    @Autowired
    JobService jobs;

    @Autowired
    Catalog catalog;

    @Test
    void aWorkflowRunsItsStepsAsJobsAndPublishesOnlyItsOwnOutputs() throws Exception {
        int layersBefore = catalog.layers().size();
        var accepted = post("/wps", requestBody("wps10/execute-halves-workflow-async.xml"));
        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(200);
        String location = Xml.of(accepted.body()).text("/wps:ExecuteResponse/@statusLocation");
        String jobId = location.substring(location.lastIndexOf('/') + 1);
        List<Integer> progress = new ArrayList<>();
        Xml[] last = new Xml[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            last[0] = Xml.of(get(location).body());
            String percent = last[0].text("//wps:Status/wps:ProcessStarted/@percentCompleted");
            if (!percent.isEmpty()) progress.add(Integer.parseInt(percent));
            return last[0].count("//wps:ProcessSucceeded | //wps:ProcessFailed") > 0;
        });
        Xml done = last[0];
        OgcSchemas.assertValid(OgcSchemas.wps10(), get(location).body());

        assertThat(done.count("//wps:ProcessSucceeded")).as(done.toString()).isEqualTo(1);
        assertThat(progress).isSorted();
        assertThat(Integer.parseInt(done.text("//wps:Output[ows:Identifier='changedPixels']//wps:LiteralData"))).isPositive();
        Path jobDir = jobs.jobDirectory(jobId);
        assertThat(StepDirectories.all(jobDir)).hasSize(6);
        assertThat(Files.readString(StepDirectories.of(jobDir, "crop-after-top").inputsFile()))
                .as("the archive scene reaches the step as a portable eodata: path").contains("\"eodata:samples/");
        // two layers, the workflow's two masks; none of its steps' ten rasters
        assertThat(done.text("//wps:Output[ows:Identifier='topMask_layer']//wps:LiteralData")).startsWith("results:test_HalvesChangeDetection_");
        assertThat(done.text("//wps:Output[ows:Identifier='bottomMask_layer']//wps:LiteralData")).startsWith("results:");
        assertThat(catalog.layers().size() - layersBefore).isEqualTo(2);
        assertThat(catalog.layers()).extracting(LayerInfo::qualifiedName).filteredOn(n -> n.contains(jobId)).hasSize(2);
    }
}
