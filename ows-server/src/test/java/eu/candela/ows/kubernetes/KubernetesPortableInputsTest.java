package eu.candela.ows.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.candela.launcher.kubernetes.JobManifests;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.testing.Xml;
import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inputs that are this server's own files reach a Job's pod, which sees only {@code /job} (its job
 * directory) and {@code /eodata} (the archive): against fabric8's mock API server in CRUD mode and the
 * KubeletStandIn, which runs the process with the pod's args and environment, paths under its volume
 * mounts made local (not a cluster). An archive file is written {@code eodata:<path>} and found through
 * {@code CANDELA_EODATA}; an earlier job's output is hard-linked into the job's {@code inputs/}.
 */
class KubernetesPortableInputsTest extends KubernetesServerTestBase {
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JobService jobs;

    @Test
    void archiveReferencesAreWrittenRelativeToTheArchiveAndFoundThroughThePodsMount() throws Exception {
        String location = statusLocation(post("/wps", requestBody("kubernetes/execute-change-async.xml")));
        String jobId = jobIdOf(location);

        assertSucceeded(location);
        JsonNode inputs = inputsOf(jobId);
        assertThat(inputs.at("/inputs/before/0/path").asText()).isEqualTo("eodata:samples/bordeaux_2017-04-19.tif");
        assertThat(inputs.at("/inputs/after/0/path").asText()).isEqualTo("eodata:samples/bordeaux_2017-04-29.tif");
        assertNoServerPath(jobId);
        Container container = cluster().job(jobId).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                .contains(JobManifests.EO_ARCHIVE_ENV + "=" + JobManifests.EO_ARCHIVE_IN_POD);
    }

    @Test
    void earlierJobsOutputsAreLinkedIntoTheJobDirectory() throws Exception {
        // two probability maps of the same pair, one without the median filter: alike, not linearly dependent
        String first = statusLocation(post("/wps", requestBody("kubernetes/execute-change-async.xml")));
        String unfiltered = new String(requestBody("kubernetes/execute-change-async.xml"), StandardCharsets.UTF_8)
                .replace("<ows:Identifier>iterations</ows:Identifier><wps:Data><wps:LiteralData>10<",
                        "<ows:Identifier>medianFilter</ows:Identifier><wps:Data><wps:LiteralData>1<");
        String other = statusLocation(post("/wps", unfiltered.getBytes(StandardCharsets.UTF_8)));
        assertSucceeded(first);
        assertSucceeded(other);
        // the outputs of a 256 px scene come inline; a reference to them names the job's output
        String probability = base() + "/wps/jobs/" + jobIdOf(first) + "/outputs/probability";
        String otherProbability = base() + "/wps/jobs/" + jobIdOf(other) + "/outputs/probability";
        assertThat(get(probability).statusCode()).isEqualTo(200);

        String body = new String(requestBody("kubernetes/execute-change-chained-async.xml"), StandardCharsets.UTF_8)
                .replace("${BEFORE}", probability).replace("${AFTER}", otherProbability);
        String second = statusLocation(post("/wps", body.getBytes(StandardCharsets.UTF_8)));
        String secondId = jobIdOf(second);

        assertSucceeded(second);
        JsonNode inputs = inputsOf(secondId);
        assertThat(inputs.at("/inputs/before/0/path").asText()).isEqualTo("inputs/before.tif");
        assertThat(inputs.at("/inputs/after/0/path").asText()).isEqualTo("inputs/after.tif");
        Path firstDir = jobs.jobDirectory(jobIdOf(first));
        Path linked = jobs.jobDirectory(secondId).resolve("inputs/before.tif");
        assertThat(Files.isSameFile(linked, firstDir.resolve("outputs/change_probability.tif")))
                .as("a hard link, not a copy, on one file system").isTrue();
        assertNoServerPath(secondId);
    }

    private Xml assertSucceeded(String location) {
        await().atMost(DEADLINE).until(() -> phase(location).matches("ProcessSucceeded|ProcessFailed"));
        Xml done = status(location);
        assertThat(done.count("//wps:ProcessSucceeded")).as(done.toString()).isEqualTo(1);
        return done;
    }

    private JsonNode inputsOf(String jobId) throws Exception {
        return JSON.readTree(jobs.jobDirectory(jobId).resolve("inputs.json").toFile());
    }

    /** No value of inputs.json is an absolute path or names the server's data directory. */
    private void assertNoServerPath(String jobId) throws Exception {
        String text = Files.readString(jobs.jobDirectory(jobId).resolve("inputs.json"));
        assertThat(text).doesNotContain(dataDir().toString()).doesNotContain(dataDir().toRealPath().toString());
        List<String> values = new ArrayList<>();
        collectText(inputsOf(jobId), values);
        assertThat(values).noneMatch(v -> v.startsWith("/"));
    }

    private static void collectText(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.elements().forEachRemaining(child -> collectText(child, into));
    }
}
