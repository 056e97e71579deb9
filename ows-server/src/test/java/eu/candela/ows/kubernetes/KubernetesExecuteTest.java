package eu.candela.ows.kubernetes;

import eu.candela.launcher.kubernetes.JobLabels;
import eu.candela.launcher.kubernetes.KubeletStandIn.Fault;
import eu.candela.launcher.kubernetes.ProcessImage;
import eu.candela.launcher.kubernetes.ProcessImages;
import eu.candela.ows.config.LauncherHealthIndicator;
import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.testing.Xml;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WPS 1.0.0 Execute through the Kubernetes launcher against fabric8's mock API server in CRUD mode
 * and the KubeletStandIn (not a cluster): the Job the server creates, the real process the stand-in
 * runs on its job directory, the WPS status that follows the Job, the layers published from its
 * GeoTIFFs, dismissal and what a cluster can do to a Job (OOMKilled, deadline, image pull errors, an API
 * server that refuses for a while or for good).
 */
class KubernetesExecuteTest extends KubernetesServerTestBase {
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Autowired
    JobService jobs;

    @Autowired
    Catalog catalog;

    @Autowired
    LauncherHealthIndicator health;

    @Test
    void changeDetectionRunsAsAJobWithItsImageAndItsLayersArePublished() throws Exception {
        String location = statusLocation(post("/wps", requestBody("kubernetes/execute-change-async.xml")));
        String jobId = jobIdOf(location);
        List<String> phases = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        Xml[] last = new Xml[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> {
            last[0] = status(location);
            String phase = last[0].text("local-name(//wps:Status/*)");
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) phases.add(phase);
            String percent = last[0].text("//wps:Status/wps:ProcessStarted/@percentCompleted");
            if (!percent.isEmpty()) progress.add(Integer.parseInt(percent));
            return phase.equals("ProcessSucceeded") || phase.equals("ProcessFailed");
        });
        assertThat(phases).as(last[0].toString()).endsWith("ProcessSucceeded").contains("ProcessStarted");
        assertThat(progress).as("progress read from status.json while the Job ran").anyMatch(p -> p > 0);

        Job job = cluster().job(jobId);
        assertThat(job).as("the Job stays after it ended (no TTL in images.yaml)").isNotNull();
        assertThat(job.getMetadata().getLabels()).containsEntry(JobLabels.JOB_ID, jobId)
                .containsEntry(JobLabels.PROCESS, "ChangeDetection").containsEntry(JobLabels.OWNER, "anonymous");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        ProcessImage configured = ProcessImages.load(properties.launcher().kubernetes().imagesTable())
                .find("ChangeDetection").orElseThrow();
        assertThat(container.getImage()).isEqualTo(configured.image()).isEqualTo("candela/processing:0.1.0");
        assertThat(container.getCommand()).isEqualTo(configured.command());
        assertThat(container.getArgs()).endsWith("run", "ChangeDetection", "/job");
        configured.requests().forEach((name, value) ->
                assertThat(container.getResources().getRequests()).containsEntry(name, new Quantity(value)));
        configured.limits().forEach((name, value) ->
                assertThat(container.getResources().getLimits()).containsEntry(name, new Quantity(value)));
        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("2"));
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getSubPath, VolumeMount::getReadOnly)
                .contains(org.assertj.core.groups.Tuple.tuple("/job", "jobs/" + jobId, false),
                        org.assertj.core.groups.Tuple.tuple("/eodata", null, true));
        assertThat(pod.getVolumes()).filteredOn(v -> v.getPersistentVolumeClaim() != null)
                .extracting(v -> v.getPersistentVolumeClaim().getClaimName()).containsExactlyInAnyOrder("candela-jobs", "candela-eodata");
        var security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        Xml done = last[0];
        String probabilityLayer = done.text("//wps:Output[ows:Identifier='probability_layer']//wps:LiteralData");
        assertThat(probabilityLayer).startsWith("results:ChangeDetection_");
        assertThat(done.text("//wps:Output[ows:Identifier='mask_layer']//wps:LiteralData")).startsWith("results:");
        LayerInfo layer = catalog.layers().stream().filter(l -> l.qualifiedName().equals(probabilityLayer)).findFirst().orElseThrow();
        assertThat(layer.defaultStyle()).isEqualTo("change_probability");
        var map = get(done.text("//wps:Output[ows:Identifier='probability_wms']//wps:LiteralData"));
        assertThat(map.headers().firstValue("Content-Type").orElse("")).as(text(map)).startsWith("image/png");
        assertThat(Files.readString(jobs.jobDirectory(jobId).resolve("job.log"), StandardCharsets.UTF_8))
                .as("the pod log is kept as job.log").contains("running ChangeDetection on");
    }

    @Test
    void dismissDeletesTheJobAndItsPods() throws Exception {
        cluster().holdNextJobs();
        try {
            String location = statusLocation(post("/wps", requestBody("kubernetes/execute-change-async.xml")));
            String jobId = jobIdOf(location);
            await().atMost(DEADLINE).until(() -> phase(location).equals("ProcessStarted"));
            assertThat(cluster().job(jobId)).isNotNull();

            jobs.dismiss(jobId);

            await().atMost(DEADLINE).until(() -> cluster().job(jobId) == null);
            await().atMost(DEADLINE).until(() -> cluster().client().pods().inNamespace(CrudApiCluster.NAMESPACE)
                    .withLabel(JobLabels.JOB_ID, jobId).list().getItems().isEmpty());
            Xml dismissed = status(location);
            assertThat(dismissed.count("//wps:ProcessFailed")).isEqualTo(1);
            assertThat(dismissed.text("//wps:ProcessFailed//ows:ExceptionText")).startsWith("Dismissed");
            assertThat(cluster().holding()).doesNotContain(JobLabels.jobName(jobId));
        } finally {
            cluster().release();
        }
    }

    @Test
    void anOutOfMemoryKillIsAFailedStatusWithTheReason() {
        standIn.failNextWith(Fault.OOM_KILLED);
        String location = statusLocation(post("/wps", requestBody("kubernetes/execute-change-async.xml")));
        String reason = awaitFailure(location);
        assertThat(reason).contains("ran out of memory").contains("OOMKilled").contains("4Gi");
    }

    @Test
    void anImageThatCannotBePulledFailsAfterTheWaitAndTheJobIsDeleted() {
        standIn.failNextWith(Fault.IMAGE_PULL_ERROR);
        String location = statusLocation(post("/wps", requestBody("kubernetes/execute-change-async.xml")));
        String reason = awaitFailure(location);
        assertThat(reason).contains("candela/processing:0.1.0").contains("cannot be pulled");
        await().atMost(DEADLINE).until(() -> cluster().job(jobIdOf(location)) == null);
    }

    @Test
    void aJobPastItsDeadlineIsAFailedStatusWithTheReason() {
        standIn.failNextWith(Fault.DEADLINE_EXCEEDED);
        String location = statusLocation(post("/wps", requestBody("kubernetes/execute-change-async.xml")));
        assertThat(awaitFailure(location)).contains("time limit").contains("DeadlineExceeded");
    }

    @Test
    void anApiServerThatRefusesForAWhileIsRetriedAndTheJobRuns() {
        cluster().refuseJobCreation(2);
        String location = statusLocation(post("/wps", requestBody("kubernetes/execute-hello-async.xml", "retried")));
        await().atMost(DEADLINE).until(() -> phase(location).matches("ProcessSucceeded|ProcessFailed"));
        Xml done = status(location);
        assertThat(done.count("//wps:ProcessSucceeded")).isEqualTo(1);
        assertThat(done.text("//wps:Output[ows:Identifier='response']//wps:LiteralData")).isEqualTo("Hello retried");
    }

    @Test
    void anApiServerThatKeepsRefusingIsAClearFailureAfterTheRetries() {
        cluster().refuseJobCreation(5); // candela.launcher.kubernetes.api-retry.attempts, 200 ms doubling
        String location = statusLocation(post("/wps", requestBody("kubernetes/execute-hello-async.xml", "refused")));
        assertThat(awaitFailure(location)).contains("did not accept the job after 5 attempts")
                .contains("unable to handle the request");
        assertThat(cluster().job(jobIdOf(location))).isNull();
    }

    @Test
    void healthReportsTheKubernetesLauncherWhileItsInformersWatch() {
        assertThat(text(get("/actuator/health"))).contains("\"launcher\":{\"status\":\"UP\"");
        var health = this.health.health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("type", "KubernetesLauncher");
    }

    private byte[] requestBody(String resource, String name) {
        return new String(requestBody(resource), StandardCharsets.UTF_8).replace("${NAME}", name).getBytes(StandardCharsets.UTF_8);
    }

    private String awaitFailure(String location) {
        await().atMost(DEADLINE).until(() -> phase(location).matches("ProcessSucceeded|ProcessFailed"));
        Xml failed = status(location);
        assertThat(failed.count("//wps:ProcessFailed")).as(failed.toString()).isEqualTo(1);
        return failed.text("//wps:ProcessFailed//ows:ExceptionText");
    }
}
