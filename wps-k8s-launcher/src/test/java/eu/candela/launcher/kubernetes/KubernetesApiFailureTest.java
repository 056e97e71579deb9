package eu.candela.launcher.kubernetes;

import eu.candela.launcher.testing.RecordingJobListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import eu.candela.launcher.spi.JobSpec;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API server errs or goes away: bounded retries, then a failure that says what happened. */
@EnableKubernetesMockClient(crud = true)
class KubernetesApiFailureTest {
    private static final String NAMESPACE = "candela";
    private static final String JOBS_PATH = "/apis/batch/v1/namespaces/" + NAMESPACE + "/jobs";

    KubernetesMockServer server;
    KubernetesClient client;
    @TempDir
    Path claimRoot;

    private final RecordingJobListener listener = new RecordingJobListener();
    private KubernetesClient launcherClient;
    private KubeletStandIn kubelet;
    private KubernetesLauncher launcher;

    @BeforeEach
    void start() {
        // the launcher retries itself: the client's own retries would hide the count
        launcherClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0).build()).build();
        kubelet = new KubeletStandIn(server, client, NAMESPACE, claimRoot, (job, dir, log) -> {
            Files.writeString(dir.resolve("result.json"), "{}");
            return 0;
        }).start();
        launcher = KubernetesLauncher.start(launcherClient, config().build());
    }

    @AfterEach
    void stop() {
        launcher.close();
        kubelet.close();
        launcherClient.close();
    }

    private KubernetesLauncherConfig.Builder config() {
        return KubernetesLauncherConfig.builder(NAMESPACE,
                ProcessImages.parse("defaults: { image: candela/processing:0.1.0 }", "images.yaml"),
                claimRoot.resolve("jobs")).submitAttempts(3).submitBackoff(Duration.ofMillis(10))
                .progressInterval(Duration.ofMillis(50));
    }

    private JobSpec newJob() throws IOException {
        String jobId = UUID.randomUUID().toString();
        return new JobSpec(jobId, "Hello", "alice",
                Files.createDirectories(claimRoot.resolve("jobs").resolve(jobId)), Map.of());
    }

    @Test
    void serverErrorsAreRetriedAndTheJobRunsOnceTheServerAnswers() throws Exception {
        server.expect().post().withPath(JOBS_PATH).andReturn(503, "{}").times(2);
        JobSpec spec = newJob();

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId())).isEqualTo("succeeded");
        assertThat(kubelet.podsCreated()).isEqualTo(1);
    }

    @Test
    void serverErrorsBeyondTheAttemptsFailTheJobWithAClearMessage() throws Exception {
        server.expect().post().withPath(JOBS_PATH).andReturn(500, "{}").times(3);
        JobSpec spec = newJob();

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId()))
                .startsWith("failed: the Kubernetes API server did not accept the job after 3 attempts: ")
                .contains("500");
        assertThat(launcher.activeJobs()).isEmpty();
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        server.expect().post().withPath(JOBS_PATH).andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                + "\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,\"message\":\"jobs.batch is forbidden:"
                + " exceeded quota: candela-quota, requested: count/jobs.batch=1\"}").once();
        JobSpec spec = newJob();

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId()))
                .startsWith("failed: the Kubernetes API server refused the Job: ")
                .contains("exceeded quota: candela-quota");
        assertThat(kubelet.podsCreated()).isZero();
    }

    @Test
    void whenTheApiServerGoesAwayTheLauncherTurnsUnhealthyAndSubmitsFail() throws Exception {
        assertThat(launcher.isHealthy()).isTrue();

        server.destroy();

        Awaitility.await().until(() -> !launcher.isHealthy());
        JobSpec spec = newJob();
        launcher.submit(spec, listener);
        assertThat(listener.awaitEnd(spec.jobId()))
                .startsWith("failed: the Kubernetes API server did not accept the job after 3 attempts: ");
    }

    @Test
    void startAgainstAnUnreachableApiServerFailsNamingTheNamespace() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + closedPort).withRequestRetryBackoffLimit(0).build()).build()) {
            assertThatThrownBy(() -> KubernetesLauncher.start(unreachable, config().build()))
                    .isInstanceOf(KubernetesClientException.class)
                    .hasMessageStartingWith("cannot list Candela Jobs in namespace candela: ");
        }
    }

    @Test
    void cancelWhileTheCreateIsRetriedEndsCancelledWithNoJobLeft() throws Exception {
        launcher.close();
        launcher = KubernetesLauncher.start(launcherClient, config().submitBackoff(Duration.ofSeconds(1)).build());
        server.expect().post().withPath(JOBS_PATH).andReturn(503, "{}").once();
        JobSpec spec = newJob();
        launcher.submit(spec, listener);

        assertThat(launcher.cancel(spec.jobId())).isTrue();

        // whether the cancel came before or after the retry got through, it ends the same
        assertThat(listener.awaitEnd(spec.jobId())).isEqualTo("cancelled");
        Awaitility.await().until(() -> client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems().isEmpty());
        assertThat(listener.of(spec.jobId())).containsExactly("cancelled");
    }
}
