package eu.candela.ows.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.candela.launcher.kubernetes.JobLabels;
import eu.candela.launcher.kubernetes.KubernetesLauncher;
import eu.candela.launcher.kubernetes.KubernetesLauncherConfig;
import eu.candela.launcher.kubernetes.ProcessImages;
import eu.candela.ows.jobs.JdbcJobStore;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.jobs.JobState;
import eu.candela.ows.jobs.JobStoreMigrations;
import eu.candela.ows.jobs.RecoverySummary;
import eu.candela.ows.jobs.ResultFinisher;
import eu.candela.ows.jobs.WorkflowJobs;
import eu.candela.ows.jobs.WorkflowSettings;
import eu.candela.wps.jobdir.InputValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.spi.ProcessRegistry;
import eu.candela.wps.workflow.Gates;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflows with the Kubernetes launcher, against fabric8's mock API server in CRUD mode and the
 * KubeletStandIn (not a cluster): every step is a Job of the workflow's owner, labelled with its
 * workflow, on its step directory as a sub path of the jobs claim. Shows the owner's running-job
 * limit is respected without deadlock, dismissal deletes the steps' Jobs, and a restarted server
 * follows the step Jobs still running instead of starting them again.
 */
class KubernetesWorkflowTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String PARENT_LABEL = "candela.eu/parent-job";

    @TempDir
    static Path claim;
    private static CrudApiCluster cluster;

    private JdbcConnectionPool database;
    private KubernetesLauncher launcher;
    private WorkflowJobs workflows;
    private JobService service;

    @BeforeAll
    static void startCluster() {
        cluster = new CrudApiCluster();
        cluster.standIn(claim);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void start() {
        Gates.reset();
        database = JdbcConnectionPool.create("jdbc:h2:mem:" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JobStoreMigrations.migrate(database);
    }

    @AfterEach
    void stop() {
        Gates.releaseAll();
        if (service != null) {
            stopServer();
        }
        database.dispose();
    }

    private void startServer(int maxRunningPerOwner) {
        ProcessRegistry registry = ProcessRegistry.discover();
        launcher = KubernetesLauncher.start(cluster.client(), KubernetesLauncherConfig.builder(CrudApiCluster.NAMESPACE,
                        ProcessImages.parse("defaults: { image: candela/processing:0.1.0 }", "images.yaml"), claim.resolve("jobs"))
                .progressInterval(Duration.ofMillis(50)).maxRunningPerOwner(maxRunningPerOwner).build());
        workflows = new WorkflowJobs(launcher, registry, new WorkflowSettings(4, 16, 4,
                Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(300)), java.util.Optional.empty());
        service = new JobService(new JdbcJobStore(database), launcher, claim.resolve("jobs"), Clock.systemUTC(),
                ResultFinisher.NONE, workflows);
    }

    private void stopServer() {
        service.shutdown();
        workflows.close();
        launcher.close();
        service = null;
    }

    private JobRecord submit(int steps, int concurrency) throws Exception {
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        inputs.put("steps", List.of(new LiteralValue(String.valueOf(steps))));
        inputs.put("concurrency", List.of(new LiteralValue(String.valueOf(concurrency))));
        return service.submit("test.GateFanOut", "alice", null,
                dir -> new JobDirectory(dir).writeInputs(new JobInputs("test.GateFanOut", inputs)));
    }

    private static List<Job> stepJobs(String workflowJobId) {
        return cluster.client().batch().v1().jobs().inNamespace(CrudApiCluster.NAMESPACE)
                .withLabel(PARENT_LABEL, workflowJobId).list().getItems();
    }

    @Test
    void stepsAreJobsOfTheOwnerAndTheOwnersLimitHoldsWithoutDeadlock() throws Exception {
        startServer(2);
        JobRecord job = submit(4, 4);

        Gates.awaitRunning(2);
        Gates.releaseAll();
        JobRecord done = service.await(job.jobId(), DEADLINE);

        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(Gates.maxRunning()).as("alice may run 2 Jobs at once").isEqualTo(2);
        List<Job> steps = stepJobs(job.jobId());
        // join too: 4 gates and the join step, each a Job of alice on its own step directory
        assertThat(steps).hasSize(5);
        assertThat(steps).allSatisfy(j -> assertThat(j.getMetadata().getLabels()).containsEntry(JobLabels.OWNER, "alice"));
        assertThat(steps).flatExtracting(j -> j.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
                .extracting(m -> m.getSubPath()).contains("jobs/" + job.jobId() + "/steps/gate-1", "jobs/" + job.jobId() + "/steps/join");
        assertThat(Files.readAllLines(service.jobDirectory(job.jobId()).resolve("outputs/joined.txt")))
                .containsExactly("gate-1", "gate-2", "gate-3", "gate-4");
    }

    @Test
    void dismissingTheWorkflowDeletesItsStepJobs() throws Exception {
        startServer(10);
        JobRecord job = submit(3, 3);
        Gates.awaitRunning(3);

        service.dismiss(job.jobId());

        Gates.awaitCancelled(3);
        await().atMost(DEADLINE).until(() -> stepJobs(job.jobId()).isEmpty());
        assertThat(service.find(job.jobId()).orElseThrow().state()).isEqualTo(JobState.DISMISSED);
    }

    @Test
    void aRestartedServerFollowsTheStepJobsStillRunning() throws Exception {
        startServer(10);
        JobRecord job = submit(3, 3);
        Gates.awaitRunning(3);

        stopServer(); // the step Jobs keep running in the cluster, their processes waiting at the gate
        startServer(10);
        RecoverySummary recovered = service.recoverAfterRestart();
        Path log = service.jobDirectory(job.jobId()).resolve("job.log");
        // let the gates through only once the resumed workflow follows all three again
        await().atMost(DEADLINE).until(() -> Files.readString(log).split("still runs from an earlier run", -1).length - 1 == 3);
        Gates.releaseAll();
        JobRecord done = service.await(job.jobId(), DEADLINE);

        assertThat(recovered.requeued()).isEqualTo(1);
        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(Gates.started()).as("no gate ran twice").isEqualTo(3);
        assertThat(stepJobs(job.jobId())).hasSize(4);
        assertThat(Files.readString(log)).contains("Step gate-2 (test.Gate) still runs from an earlier run: following it again");
    }
}
