package eu.candela.ows.kubernetes;

import eu.candela.launcher.kubernetes.KubernetesLauncher;
import eu.candela.launcher.kubernetes.KubernetesLauncherConfig;
import eu.candela.launcher.kubernetes.ProcessImages;
import eu.candela.ows.jobs.JdbcJobStore;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.jobs.JobState;
import eu.candela.ows.jobs.JobStoreMigrations;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.LiteralValue;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server replicas, each a JobService with its own KubernetesLauncher and client, on ONE job store
 * (an H2 database both open) and ONE API server: fabric8's mock in CRUD mode with the KubeletStandIn
 * running the real process (not a cluster). The Lease decides who reconciles: only its holder re-attaches
 * Jobs it did not submit; when it stops, the other takes the Lease and re-attaches the running Job; a job
 * both replicas follow ends once and its result is finished (published) once.
 */
class TwoReplicasAgainstCrudApiServerTest {
    private static final Duration DEADLINE = Duration.ofMinutes(1);
    private static final String IMAGES = """
            defaults:
              image: candela/processing:0.1.0
              command: [java, -jar, /opt/candela/candela-processes.jar]
            """;

    @TempDir
    Path dataDir;

    private final CrudApiCluster cluster = new CrudApiCluster();
    private final List<Replica> replicas = new ArrayList<>();
    private JdbcConnectionPool database;

    @BeforeEach
    void start() {
        database = JdbcConnectionPool.create("jdbc:h2:file:" + dataDir.resolve("jobstore/jobs"), "sa", "");
        JobStoreMigrations.migrate(database);
        cluster.standIn(dataDir);
    }

    @AfterEach
    void stop() {
        cluster.release();
        replicas.forEach(Replica::close);
        cluster.close();
        database.dispose();
    }

    @Test
    void whenTheLeaseHolderStopsTheOtherReplicaTakesOverTheRunningJob() throws Exception {
        Replica a = replica("a");
        await().atMost(DEADLINE).until(a.launcher::isLeader);
        cluster.holdNextJobs();
        String jobId = a.jobs.submit("Hello", "alice", null, inputs("replicas")).jobId();
        await().atMost(DEADLINE).until(() -> state(a, jobId) == JobState.RUNNING);

        Replica b = replica("b");
        assertThat(b.launcher.isLeader()).isFalse();
        assertThat(b.askedToReattach).as("not the Lease holder: it reconciles nothing").isEmpty();

        a.close();
        await().atMost(DEADLINE).until(b.launcher::isLeader);
        await().atMost(DEADLINE).until(() -> b.askedToReattach.contains(jobId));
        cluster.release();

        await().atMost(DEADLINE).until(() -> state(b, jobId).isTerminal());
        JobRecord done = b.jobs.find(jobId).orElseThrow();
        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(done.outputs()).contains("Hello replicas");
        assertThat(a.finished).isEmpty();
        assertThat(b.finished).containsExactly(jobId);
    }

    @Test
    void aJobBothReplicasFollowEndsOnceAndIsFinishedOnce() throws Exception {
        Replica a = replica("a");
        await().atMost(DEADLINE).until(a.launcher::isLeader);
        Replica b = replica("b");
        cluster.holdNextJobs();
        String jobId = a.jobs.submit("Hello", "alice", null, inputs("twice")).jobId();
        await().atMost(DEADLINE).until(() -> state(a, jobId) == JobState.RUNNING);
        // as b's start-up recovery does for every Job still active in the cluster
        await().atMost(DEADLINE).until(() -> b.launcher.activeJobs().contains(jobId));
        assertThat(b.jobs.recoverAfterRestart().stillActive()).isEqualTo(1);

        cluster.release();

        await().atMost(DEADLINE).until(() -> state(a, jobId).isTerminal());
        // each launcher appends the pod log to job.log right before its terminal call: both have made it
        Path log = a.jobs.jobDirectory(jobId).resolve("job.log");
        await().atMost(DEADLINE).until(() -> java.nio.file.Files.readString(log).split("running Hello on", -1).length - 1 == 2);
        a.jobs.shutdown(); // both replicas' finishing done: whatever each was going to publish, it has
        b.jobs.shutdown();
        assertThat(state(b, jobId)).isEqualTo(JobState.SUCCESSFUL);
        List<String> finished = new ArrayList<>(a.finished);
        finished.addAll(b.finished);
        assertThat(finished).as("published once by a or b").containsExactly(jobId);
    }

    private JobState state(Replica replica, String jobId) {
        return replica.jobs.find(jobId).map(JobRecord::state).orElseThrow();
    }

    private static eu.candela.ows.jobs.JobInputsWriter<IOException> inputs(String name) {
        return directory -> new JobDirectory(directory).writeInputs(
                new JobInputs("Hello", Map.of("name", List.of(new LiteralValue(name)))));
    }

    private Replica replica(String identity) {
        Replica replica = new Replica(identity);
        replicas.add(replica);
        return replica;
    }

    /** One server replica: its client, launcher (with the Lease) and job service. */
    private final class Replica implements AutoCloseable {
        final KubernetesClient client = cluster.newClient();
        final List<String> askedToReattach = new CopyOnWriteArrayList<>();
        final List<String> finished = new CopyOnWriteArrayList<>();
        final KubernetesLauncher launcher;
        final JobService jobs;
        private boolean closed;

        Replica(String identity) {
            AtomicReference<JobService> service = new AtomicReference<>();
            KubernetesLauncherConfig config = KubernetesLauncherConfig.builder(CrudApiCluster.NAMESPACE,
                            ProcessImages.parse(IMAGES, "images.yaml"), dataDir.resolve("jobs"))
                    .progressInterval(Duration.ofMillis(100))
                    .leaderElection(new KubernetesLauncherConfig.LeaderElection("candela-launcher", identity,
                            Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(100)))
                    .build();
            launcher = KubernetesLauncher.start(client, config, jobId -> {
                askedToReattach.add(jobId);
                return Optional.ofNullable(service.get()).flatMap(s -> s.listenerForOpenJob(jobId));
            });
            jobs = new JobService(new JdbcJobStore(database), launcher, dataDir.resolve("jobs"), Clock.systemUTC(),
                    (job, directory, result) -> {
                        finished.add(job.jobId());
                        return result;
                    });
            service.set(jobs);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            jobs.shutdown();
            launcher.close(); // leaves the Jobs running and releases the Lease
            client.close();
        }
    }
}
