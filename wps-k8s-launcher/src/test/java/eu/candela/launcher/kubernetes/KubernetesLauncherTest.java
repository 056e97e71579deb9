package eu.candela.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import eu.candela.launcher.spi.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class KubernetesLauncherTest {
    private static final String NAMESPACE = "candela";
    private static final String IMAGES = """
            defaults:
              image: candela/processing:0.1.0
              command: [java, -jar, /opt/candela/candela-processes.jar]
              resources: { requests: { cpu: 100m, memory: 256Mi }, limits: { memory: 512Mi } }
            """;

    KubernetesMockServer server;
    KubernetesClient client;
    @TempDir
    Path claimRoot;

    private final RecordingJobListener listener = new RecordingJobListener();
    private final CountDownLatch release = new CountDownLatch(1);
    private KubeletStandIn kubelet;
    private KubernetesLauncher launcher;

    @BeforeEach
    void startCluster() {
        kubelet = new KubeletStandIn(server, client, NAMESPACE, claimRoot, this::process).start();
        launcher = KubernetesLauncher.start(client, config().build());
    }

    @AfterEach
    void stop() {
        release.countDown();
        launcher.close();
        kubelet.close();
    }

    /** The process: progress, wait for the test's go, then the result. */
    private int process(Job job, Path jobDirectory, java.io.PrintStream log) throws Exception {
        log.println("hello from the container of " + JobRunner.processId(job));
        Files.writeString(jobDirectory.resolve("status.json"), "{\"percentCompleted\":50,\"message\":\"halfway\"}");
        if (!release.await(30, TimeUnit.SECONDS)) {
            return 3;
        }
        Files.writeString(jobDirectory.resolve("result.json"), "{\"outputs\":{}}");
        return 0;
    }

    private KubernetesLauncherConfig.Builder config() {
        return KubernetesLauncherConfig.builder(NAMESPACE, ProcessImages.parse(IMAGES, "images.yaml"),
                claimRoot.resolve("jobs")).progressInterval(java.time.Duration.ofMillis(50));
    }

    private JobSpec newJob(String owner) throws Exception {
        String jobId = UUID.randomUUID().toString();
        Path directory = Files.createDirectories(claimRoot.resolve("jobs").resolve(jobId));
        Files.writeString(directory.resolve("inputs.json"), "{}");
        return new JobSpec(jobId, "Hello", owner, directory, Map.of());
    }

    @Test
    void successPathReportsStartedProgressAndSucceededAndCopiesThePodLog() throws Exception {
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);
        listener.awaitEvent(spec.jobId(), "progress 50 halfway");
        assertThat(launcher.activeJobs()).containsExactly(spec.jobId());
        release.countDown();

        assertThat(listener.awaitEnd(spec.jobId())).isEqualTo("succeeded");
        assertThat(listener.of(spec.jobId())).containsExactly("started", "progress 50 halfway", "succeeded");
        assertThat(Files.readString(spec.jobDirectory().resolve("job.log"), StandardCharsets.UTF_8))
                .contains("hello from the container of Hello");
        Awaitility.await().until(() -> launcher.activeJobs().isEmpty());
    }
}
