package eu.candela.launcher.kubernetes;

import eu.candela.launcher.testing.RecordingJobListener;
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
    /** What the next process run does once released: its exit code (0 writes result.json). */
    private volatile int exitCode;
    private volatile boolean writeResult = true;
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
        if (exitCode != 0) {
            log.println("boom: the scene is all clouds");
            return exitCode;
        }
        if (writeResult) {
            Files.writeString(jobDirectory.resolve("result.json"), "{\"outputs\":{}}");
        }
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

    @Test
    void aListenerStuckInOneJobsStartedDoesNotHoldUpTheOtherJobs() throws Exception {
        release.countDown();
        JobSpec stuck = newJob("alice");
        JobSpec other = newJob("alice");
        CountDownLatch unblock = new CountDownLatch(1);
        // a job store write that waits, on the first job only
        eu.candela.launcher.spi.JobListener slow = new eu.candela.launcher.spi.JobListener() {
            @Override public void started(String jobId) {
                try {
                    unblock.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                listener.started(jobId);
            }
            @Override public void progress(String jobId, int percent, String message) { listener.progress(jobId, percent, message); }
            @Override public void succeeded(String jobId) { listener.succeeded(jobId); }
            @Override public void failed(String jobId, String reason) { listener.failed(jobId, reason); }
            @Override public void cancelled(String jobId) { listener.cancelled(jobId); }
        };

        launcher.submit(stuck, slow);
        Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> client.batch().v1().jobs().inNamespace(NAMESPACE).withName(JobLabels.jobName(stuck.jobId())).get() != null);
        launcher.submit(other, listener);

        assertThat(listener.awaitEnd(other.jobId())).as("followed while the first job's listener is stuck").isEqualTo("succeeded");
        assertThat(listener.of(stuck.jobId())).isEmpty();
        unblock.countDown();
        assertThat(listener.awaitEnd(stuck.jobId())).isEqualTo("succeeded");
        assertThat(listener.of(stuck.jobId())).as("in order, each once").containsExactly("started", "progress 50 halfway", "succeeded");
    }

    @Test
    void completeWithoutResultFileFails() throws Exception {
        writeResult = false;
        release.countDown();
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId())).isEqualTo("failed: the process ended without writing result.json");
    }

    @Test
    void nonZeroExitFailsWithTheExitCodeAndTheLogTail() throws Exception {
        exitCode = 3;
        release.countDown();
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        // the process's status.json message ("halfway") is its last word; the exit code comes with it
        assertThat(listener.awaitEnd(spec.jobId())).isEqualTo("failed: the process failed with exit code 3: halfway");
    }

    @Test
    void nonZeroExitWithoutStatusMessageFallsBackToTheTerminationMessage() throws Exception {
        KubeletStandIn bare = restartKubelet((job, dir, log) -> {
            log.println("Exception in thread main: no such band B99");
            return 2;
        });
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId()))
                .isEqualTo("failed: the process failed with exit code 2: Exception in thread main: no such band B99");
        bare.close();
    }

    @Test
    void oomKilledFailsNamingTheMemoryLimit() throws Exception {
        kubelet.failNextWith(KubeletStandIn.Fault.OOM_KILLED);
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId()))
                .isEqualTo("failed: the process ran out of memory and was killed at its limit of 512Mi (OOMKilled)");
        assertThat(listener.of(spec.jobId())).first().isEqualTo("started");
    }

    @Test
    void deadlineExceededFailsNamingTheLimit() throws Exception {
        launcher.close();
        launcher = KubernetesLauncher.start(client, config().build());
        kubelet.failNextWith(KubeletStandIn.Fault.DEADLINE_EXCEEDED);
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId()))
                .isEqualTo("failed: the job ran past its time limit and was stopped (DeadlineExceeded)");
    }

    @Test
    void activeDeadlineSecondsFromTheTableStopsALongProcess() throws Exception {
        launcher.close();
        ProcessImages images = ProcessImages.parse(IMAGES.replace("resources:", "activeDeadlineSeconds: 1\n  resources:"),
                "images.yaml");
        launcher = KubernetesLauncher.start(client, config().images(images).build());
        JobSpec spec = newJob("alice"); // the process waits for a release that only comes after the test

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId()))
                .isEqualTo("failed: the job ran past its time limit of 1 s and was stopped (DeadlineExceeded)");
    }

    @Test
    void evictionFailsNamingTheNodesReason() throws Exception {
        kubelet.failNextWith(KubeletStandIn.Fault.EVICTED);
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId())).startsWith("failed: the node evicted the job's pod: "
                + "The node was low on resource: memory.").endsWith("(Evicted)");
    }

    @Test
    void imagePullErrorFailsAfterTheGraceTimeAndDeletesTheJob() throws Exception {
        launcher.close();
        launcher = KubernetesLauncher.start(client, config().imagePullTimeout(java.time.Duration.ofMillis(300)).build());
        kubelet.failNextWith(KubeletStandIn.Fault.IMAGE_PULL_ERROR);
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId())).isEqualTo("failed: the image candela/processing:0.1.0 cannot be "
                + "pulled (ImagePullBackOff: Back-off pulling image \"candela/processing:0.1.0\") for 300 ms");
        Awaitility.await().until(() -> client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems().isEmpty()
                && client.pods().inNamespace(NAMESPACE).list().getItems().isEmpty());
        assertThat(listener.of(spec.jobId())).doesNotContain("started");
    }

    @Test
    void cancelDeletesTheJobAndItsPodsAndCallsCancelledOnce() throws Exception {
        JobSpec spec = newJob("alice");
        launcher.submit(spec, listener);
        listener.awaitEvent(spec.jobId(), "progress 50");

        assertThat(launcher.cancel(spec.jobId())).isTrue();

        assertThat(listener.awaitEnd(spec.jobId())).isEqualTo("cancelled");
        Awaitility.await().until(() -> client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems().isEmpty()
                && client.pods().inNamespace(NAMESPACE).list().getItems().isEmpty());
        assertThat(launcher.cancel(spec.jobId())).isFalse();
        assertThat(launcher.activeJobs()).isEmpty();
        assertThat(listener.of(spec.jobId())).containsExactly("started", "progress 50 halfway", "cancelled");
    }

    @Test
    void cancelOfAnUnknownJobIsFalse() {
        assertThat(launcher.cancel("no-such-job")).isFalse();
    }

    @Test
    void perOwnerLimitRefusesTheOwnersNextJobButNotOthers() throws Exception {
        launcher.close();
        launcher = KubernetesLauncher.start(client, config().maxRunningPerOwner(1).build());
        JobSpec first = newJob("alice@example.eu");
        launcher.submit(first, listener);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> launcher.submit(newJob("alice@example.eu"), listener))
                .isInstanceOf(eu.candela.launcher.spi.LauncherBusyException.class)
                .hasMessage("you have 1 jobs running, the limit is 1: wait for one to finish");
        JobSpec bobs = newJob("bob");
        launcher.submit(bobs, listener);
        listener.awaitEvent(bobs.jobId(), "started");

        release.countDown();
        assertThat(listener.awaitEnd(first.jobId())).isEqualTo("succeeded");
        Awaitility.await().until(() -> !launcher.activeJobs().contains(first.jobId()));
        JobSpec next = newJob("alice@example.eu");
        launcher.submit(next, listener);
        assertThat(listener.awaitEnd(next.jobId())).isEqualTo("succeeded");
    }

    @Test
    void processWithoutImageFailsAtSubmitWithAClearReason() throws Exception {
        launcher.close();
        launcher = KubernetesLauncher.start(client, config()
                .images(ProcessImages.parse("processes: { Other: { image: a:1 } }", "images.yaml")).build());
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId()))
                .isEqualTo("failed: cannot run on Kubernetes: process Hello has no image in processes/images.yaml");
    }

    @Test
    void healthyWhileTheInformersWatchAndNotAfterClose() {
        assertThat(launcher.isHealthy()).isTrue();

        launcher.close();

        assertThat(launcher.isHealthy()).isFalse();
    }

    @Test
    void backoffLimitRetriesThePodThenFailsWithTheLastExitCodeAndKeepsEveryPodsLog() throws Exception {
        launcher.close();
        ProcessImages images = ProcessImages.parse(IMAGES.replace("resources:", "backoffLimit: 1\n  resources:"),
                "images.yaml");
        launcher = KubernetesLauncher.start(client, config().images(images).build());
        restartKubelet((job, dir, log) -> {
            log.println("attempt failed");
            return 4;
        });
        JobSpec spec = newJob("alice");

        launcher.submit(spec, listener);

        assertThat(listener.awaitEnd(spec.jobId())).isEqualTo("failed: the process failed with exit code 4: attempt failed");
        assertThat(kubelet.podsCreated()).isEqualTo(2);
        assertThat(Files.readString(spec.jobDirectory().resolve("job.log")))
                .containsPattern("(?s)container output of pod .*attempt failed.*container output of pod .*attempt failed");
    }

    private KubeletStandIn restartKubelet(JobRunner runner) {
        kubelet.close();
        kubelet = new KubeletStandIn(server, client, NAMESPACE, claimRoot, runner).start();
        return kubelet;
    }
}
