package eu.candela.launcher.kubernetes;

import eu.candela.launcher.testing.RecordingJobListener;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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

/** A server restart (or a second replica) in the middle of a job: the Job lives on, a new launcher follows it. */
@EnableKubernetesMockClient(crud = true)
class KubernetesLauncherRestartTest {
    private static final String NAMESPACE = "candela";

    KubernetesMockServer server;
    KubernetesClient client;
    @TempDir
    Path claimRoot;

    private final RecordingJobListener before = new RecordingJobListener();
    private final RecordingJobListener after = new RecordingJobListener();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<KubernetesLauncher> launchers = new CopyOnWriteArrayList<>();
    private KubeletStandIn kubelet;

    @BeforeEach
    void startKubelet() {
        kubelet = new KubeletStandIn(server, client, NAMESPACE, claimRoot, this::process).start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        launchers.forEach(KubernetesLauncher::close);
        kubelet.close();
    }

    private int process(Job job, Path jobDirectory, PrintStream log) throws Exception {
        Files.writeString(jobDirectory.resolve("status.json"), "{\"percentCompleted\":30,\"message\":\"reading\"}");
        if (!release.await(30, TimeUnit.SECONDS)) {
            return 3;
        }
        Files.writeString(jobDirectory.resolve("result.json"), "{\"outputs\":{}}");
        return 0;
    }

    private KubernetesLauncherConfig.Builder config() {
        return KubernetesLauncherConfig.builder(NAMESPACE,
                ProcessImages.parse("defaults: { image: candela/processing:0.1.0 }", "images.yaml"),
                claimRoot.resolve("jobs")).progressInterval(Duration.ofMillis(50));
    }

    private KubernetesLauncher launcher(KubernetesLauncherConfig config, JobReattacher reattacher) {
        KubernetesLauncher launcher = KubernetesLauncher.start(client, config, reattacher);
        launchers.add(launcher);
        return launcher;
    }

    /** Submits a job with a first launcher, waits until it runs, and closes that launcher. */
    private JobSpec runningJobOfAClosedLauncher() throws Exception {
        String jobId = UUID.randomUUID().toString();
        Path directory = Files.createDirectories(claimRoot.resolve("jobs").resolve(jobId));
        JobSpec spec = new JobSpec(jobId, "Hello", "alice", directory, Map.of());
        KubernetesLauncher first = launcher(config().build(), JobReattacher.none());
        first.submit(spec, before);
        before.awaitEvent(jobId, "progress 30 reading");
        first.close();
        return spec;
    }

    @Test
    void newLauncherReattachesTheServersListenerAtStartAndSeesTheJobComplete() throws Exception {
        JobSpec spec = runningJobOfAClosedLauncher();
        List<String> asked = new CopyOnWriteArrayList<>();

        launcher(config().build(), jobId -> {
            asked.add(jobId);
            return Optional.of(after);
        });
        after.awaitEvent(spec.jobId(), "progress 30 reading");
        release.countDown();

        assertThat(after.awaitEnd(spec.jobId())).isEqualTo("succeeded");
        assertThat(after.of(spec.jobId())).containsExactly("started", "progress 30 reading", "succeeded");
        assertThat(asked).containsExactly(spec.jobId());
        assertThat(before.hasEnded(spec.jobId())).isFalse();
    }

    @Test
    void jobThatEndedWhileNoLauncherWatchedEndsAtReattachment() throws Exception {
        JobSpec spec = runningJobOfAClosedLauncher();
        release.countDown();
        Awaitility.await().until(() -> {
            Job job = client.batch().v1().jobs().inNamespace(NAMESPACE).withName(JobLabels.jobName(spec.jobId())).get();
            return job != null && JobObservation.condition(job, "Complete").isPresent();
        });

        KubernetesLauncher second = launcher(config().build(), JobReattacher.none());
        assertThat(second.reattach(spec.jobId(), after)).isTrue();

        assertThat(after.awaitEnd(spec.jobId())).isEqualTo("succeeded");
    }

    @Test
    void reattachingAJobWhoseJobIsGoneLeavesItToTheCaller() throws Exception {
        KubernetesLauncher launcher = launcher(config().build(), JobReattacher.none());

        assertThat(launcher.reattach(UUID.randomUUID().toString(), after)).isFalse();

        assertThat(launcher.activeJobs()).isEmpty();
    }

    @Test
    void jobThatFailedWhileNoLauncherWatchedFailsAtReattachmentWithItsReason() throws Exception {
        kubelet.failNextWith(KubeletStandIn.Fault.OOM_KILLED);
        String jobId = UUID.randomUUID().toString();
        JobSpec spec = new JobSpec(jobId, "Hello", "alice",
                Files.createDirectories(claimRoot.resolve("jobs").resolve(jobId)), Map.of());
        KubernetesLauncher creator = launcher(config().build(), JobReattacher.none());
        creator.submit(spec, before);
        before.awaitEnd(jobId);
        creator.close();

        KubernetesLauncher second = launcher(config().build(), JobReattacher.none());

        assertThat(second.reattach(jobId, after)).isTrue();
        assertThat(after.awaitEnd(jobId)).isEqualTo("failed: the process ran out of memory and was killed (OOMKilled)");
    }

    @Test
    void withLeaderElectionOnlyTheLeaderReconciles() throws Exception {
        JobSpec spec = runningJobOfAClosedLauncher();
        List<String> askedA = new CopyOnWriteArrayList<>();
        List<String> askedB = new CopyOnWriteArrayList<>();
        KubernetesLauncherConfig.LeaderElection lease = new KubernetesLauncherConfig.LeaderElection(
                "candela-launcher", "a", Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofMillis(100));
        KubernetesLauncher a = launcher(config().leaderElection(lease).build(), jobId -> {
            askedA.add(jobId);
            return Optional.of(after);
        });
        Awaitility.await().until(a::isLeader);
        KubernetesLauncher b = launcher(config().leaderElection(new KubernetesLauncherConfig.LeaderElection(
                "candela-launcher", "b", Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofMillis(100))).build(),
                jobId -> {
                    askedB.add(jobId);
                    return Optional.of(after);
                });

        release.countDown();

        assertThat(after.awaitEnd(spec.jobId())).isEqualTo("succeeded");
        assertThat(askedA).containsExactly(spec.jobId());
        assertThat(askedB).isEmpty();
        assertThat(b.isLeader()).isFalse();
        assertThat(client.leases().inNamespace(NAMESPACE).withName("candela-launcher").get().getSpec()
                .getHolderIdentity()).isEqualTo("a");
    }

    @Test
    void withoutLeaderElectionTheServersReconciliationRunsAtOnce() {
        KubernetesLauncher single = launcher(config().build(), JobReattacher.none());
        List<String> ran = new CopyOnWriteArrayList<>();

        single.whenReconciling(() -> ran.add("single"));

        assertThat(ran).containsExactly("single");
    }

    @Test
    void theServersReconciliationRunsOnTheLeaseHolderOnlyAndAgainOnTheReplicaThatTakesOver() {
        List<String> ran = new CopyOnWriteArrayList<>();
        KubernetesLauncher a = launcher(config().leaderElection(new KubernetesLauncherConfig.LeaderElection(
                "candela-launcher", "a", Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(100))).build(),
                JobReattacher.none());
        Awaitility.await().until(a::isLeader);
        a.whenReconciling(() -> ran.add("a"));
        KubernetesLauncher b = launcher(config().leaderElection(new KubernetesLauncherConfig.LeaderElection(
                "candela-launcher", "b", Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(100))).build(),
                JobReattacher.none());
        b.whenReconciling(() -> ran.add("b"));
        Awaitility.await().until(() -> ran.contains("a"));
        assertThat(b.isLeader()).isFalse();
        assertThat(ran).containsExactly("a");

        a.close(); // releases the Lease

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("b"));
        assertThat(ran).as("once per lead").containsExactly("a", "b");
    }
}
