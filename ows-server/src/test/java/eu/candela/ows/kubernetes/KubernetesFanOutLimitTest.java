package eu.candela.ows.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.launcher.kubernetes.KubernetesLauncher;
import eu.candela.launcher.kubernetes.KubernetesLauncherConfig;
import eu.candela.launcher.kubernetes.ProcessImages;
import eu.candela.ows.jobs.JdbcJobStore;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.jobs.JobState;
import eu.candela.ows.jobs.JobStoreMigrations;
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
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow's fan-out through the Kubernetes launcher, against fabric8's mock API server in CRUD mode and
 * the KubeletStandIn (not a cluster): with a per-owner limit far above it, the fan-out's own concurrency
 * limit alone bounds the step Jobs active in the cluster at any moment, as an informer of the test sees
 * them (created and not yet Complete/Failed).
 */
class KubernetesFanOutLimitTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String PARENT_LABEL = "candela.eu/parent-job";

    @TempDir
    Path claim;

    private final CrudApiCluster cluster = new CrudApiCluster();
    private JdbcConnectionPool database;
    private KubernetesLauncher launcher;
    private WorkflowJobs workflows;
    private JobService service;

    @BeforeEach
    void start() {
        Gates.reset();
        cluster.standIn(claim);
        database = JdbcConnectionPool.create("jdbc:h2:mem:" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JobStoreMigrations.migrate(database);
        launcher = KubernetesLauncher.start(cluster.client(), KubernetesLauncherConfig.builder(CrudApiCluster.NAMESPACE,
                        ProcessImages.parse("defaults: { image: candela/processing:0.1.0 }", "images.yaml"), claim.resolve("jobs"))
                .progressInterval(Duration.ofMillis(50)).maxRunningPerOwner(100).build());
        workflows = new WorkflowJobs(launcher, ProcessRegistry.discover(), new WorkflowSettings(4, 16, 4,
                Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(300)), Optional.empty());
        service = new JobService(new JdbcJobStore(database), launcher, claim.resolve("jobs"), Clock.systemUTC(),
                ResultFinisher.NONE, workflows);
    }

    @AfterEach
    void stop() {
        Gates.releaseAll();
        service.shutdown();
        workflows.close();
        launcher.close();
        database.dispose();
        cluster.close();
    }

    @Test
    void aFanOutNeverHasMoreStepJobsActiveThanItsLimit() throws Exception {
        ActiveStepJobs active = new ActiveStepJobs();
        try (SharedIndexInformer<Job> observer = cluster.client().batch().v1().jobs()
                .inNamespace(CrudApiCluster.NAMESPACE).withLabel(PARENT_LABEL).inform(active)) {
            JobRecord job = submit(8, 3);
            Gates.awaitRunning(3);
            Gates.releaseAll(); // steps end as fast as the stand-in runs them: the limit must hold in the rush

            JobRecord done = service.await(job.jobId(), DEADLINE);

            assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCESSFUL);
            assertThat(active.created()).as("8 gates and the join step").isEqualTo(9);
            assertThat(active.max()).as("step Jobs active at once").isEqualTo(3);
        }
    }

    private JobRecord submit(int steps, int concurrency) throws Exception {
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        inputs.put("steps", List.of(new LiteralValue(String.valueOf(steps))));
        inputs.put("concurrency", List.of(new LiteralValue(String.valueOf(concurrency))));
        return service.submit("test.GateFanOut", "alice", null,
                dir -> new JobDirectory(dir).writeInputs(new JobInputs("test.GateFanOut", inputs)));
    }

    /** Step Jobs created and not yet finished, and the most there were at once. */
    private static final class ActiveStepJobs implements ResourceEventHandler<Job> {
        private final Set<String> active = ConcurrentHashMap.newKeySet();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicInteger max = new AtomicInteger();

        @Override
        public void onAdd(Job job) {
            seen.add(job.getMetadata().getName());
            changed(job);
        }

        @Override
        public void onUpdate(Job before, Job job) {
            changed(job);
        }

        @Override
        public void onDelete(Job job, boolean finalStateUnknown) {
            active.remove(job.getMetadata().getName());
        }

        private synchronized void changed(Job job) {
            if (isFinished(job)) {
                active.remove(job.getMetadata().getName());
            } else {
                active.add(job.getMetadata().getName());
                max.accumulateAndGet(active.size(), Math::max);
            }
        }

        private static boolean isFinished(Job job) {
            return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
                    .stream().anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                            && "True".equals(c.getStatus()));
        }

        int max() {
            return max.get();
        }

        int created() {
            return seen.size();
        }
    }
}
