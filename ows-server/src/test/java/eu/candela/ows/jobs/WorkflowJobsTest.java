package eu.candela.ows.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.launcher.local.LocalLauncher;
import eu.candela.launcher.local.LocalLauncherConfig;
import eu.candela.ows.workflows.GateFanOut;
import eu.candela.ows.workflows.GateStep;
import eu.candela.ows.workflows.Gates;
import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.spi.ProcessRegistry;
import eu.candela.wps.workflow.StepDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflows run by the job service: the orchestration on {@link WorkflowJobs}' threads, each step a
 * child job of the real local launcher (a bounded pool) running the real process runner, the real
 * JDBC store on H2. Steps block at the {@link Gates} until released, so limits are observed, not timed.
 */
class WorkflowJobsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ProcessRegistry REGISTRY = ProcessRegistry.of(List.of(new GateStep(), new GateFanOut()));

    @TempDir
    Path root;

    private H2Database database;
    private LocalLauncher launcher;
    private WorkflowJobs workflows;
    private JobService service;

    @BeforeEach
    void resetGates() {
        Gates.reset();
        database = H2Database.open(root.resolve("db/jobs"));
        JobStoreMigrations.migrate(database.dataSource());
    }

    /** A server: local launcher with {@code workers} and {@code queue}, workflows capped at {@code maxSteps}. */
    private void startServer(int workers, int queue, int maxSteps) {
        launcher = new LocalLauncher(new LocalLauncherConfig(workers, queue, Duration.ofMillis(20)), new ProcessRunner(REGISTRY)::run);
        workflows = new WorkflowJobs(launcher, REGISTRY, new WorkflowSettings(maxSteps, 16, 4,
                Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofSeconds(10)));
        service = new JobService(new JdbcJobStore(database.dataSource()), launcher, root.resolve("jobs"), Clock.systemUTC(),
                ResultFinisher.NONE, workflows);
    }

    /** A crash-free stop as at server shutdown: beans closed in the order Spring closes them. */
    private void stopServer() {
        service.shutdown();
        workflows.close();
        launcher.close();
    }

    @AfterEach
    void stop() {
        Gates.releaseAll();
        if (service != null) {
            stopServer();
        }
        database.close();
    }

    private JobRecord submit(int steps, int concurrency, String failing) throws Exception {
        Map<String, List<eu.candela.wps.jobdir.InputValue>> inputs = new LinkedHashMap<>();
        inputs.put("steps", List.of(new LiteralValue(String.valueOf(steps))));
        inputs.put("concurrency", List.of(new LiteralValue(String.valueOf(concurrency))));
        if (failing != null) {
            inputs.put("failing", List.of(new LiteralValue(failing)));
        }
        return service.submit("test.GateFanOut", "alice", null,
                dir -> new JobDirectory(dir).writeInputs(new JobInputs("test.GateFanOut", inputs)));
    }

    @Test
    void stepsRunAsChildJobsOfTheLauncherUpToTheConfiguredLimit() throws Exception {
        startServer(4, 8, 2);
        JobRecord job = submit(5, 4, null);

        Gates.awaitRunning(2);
        assertThat(launcher.activeJobs()).hasSize(2).doesNotContain(job.jobId());
        Gates.releaseAll();
        JobRecord done = service.await(job.jobId(), DEADLINE);

        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(Gates.maxRunning()).isEqualTo(2);
        assertThat(Gates.started()).isEqualTo(5);
        Path steps = service.jobDirectory(job.jobId()).resolve("steps");
        assertThat(LauncherSteps.childJobId(steps.resolve("gate-1"))).isPresent();
        assertThat(done.outputs()).contains("\"count\"");
    }

    @Test
    void aWorkflowCannotDeadlockOnABoundedPoolItDoesNotOccupy() throws Exception {
        // one worker, no queue: each step waits for the one before it; the workflow itself holds no worker
        startServer(1, 0, 4);
        JobRecord job = submit(3, 3, null);

        Gates.awaitRunning(1);
        Gates.releaseAll();
        JobRecord done = service.await(job.jobId(), DEADLINE);

        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(Gates.maxRunning()).isEqualTo(1);
        assertThat(Gates.started()).isEqualTo(3);
    }

    @Test
    void theWorkflowsProgressFollowsItsSteps() throws Exception {
        startServer(2, 2, 2);
        JobRecord job = submit(2, 2, null);

        Gates.awaitRunning(2);
        // both steps at 50 %: the workflow at 50 %
        JobRecord halfway = awaitJob(job.jobId(), j -> j.percentCompleted() >= 50);
        Gates.releaseAll();

        assertThat(halfway.state()).isEqualTo(JobState.RUNNING);
        assertThat(halfway.percentCompleted()).isEqualTo(50);
        assertThat(halfway.message()).startsWith("step gate-");
        assertThat(service.await(job.jobId(), DEADLINE).percentCompleted()).isEqualTo(100);
    }

    @Test
    void aFailingStepFailsTheWorkflowWithTheStepsNameAndReason() throws Exception {
        startServer(3, 3, 3);
        JobRecord job = submit(3, 3, "gate-2");

        JobRecord done = service.await(job.jobId(), DEADLINE);

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.message()).isEqualTo("Step 'gate-2' (test.Gate) failed: Process failed: gate gate-2 failed on purpose");
        assertThat(launcher.activeJobs()).isEmpty();
    }

    @Test
    void dismissingTheWorkflowCancelsItsRunningSteps() throws Exception {
        startServer(4, 4, 3);
        JobRecord job = submit(5, 3, null);
        Gates.awaitRunning(3);

        JobRecord dismissed = service.dismiss(job.jobId());

        assertThat(dismissed.state()).isEqualTo(JobState.DISMISSED);
        Gates.awaitCancelled(3);
        awaitNoActiveJobs();
        assertThat(Gates.started()).isEqualTo(3);
        JobDirectory gate1 = StepDirectories.of(service.jobDirectory(job.jobId()), "gate-1");
        assertThat(gate1.readStatus().orElseThrow().message()).isEqualTo("cancelled");
        assertThat(service.find(job.jobId()).orElseThrow().state()).isEqualTo(JobState.DISMISSED);
    }

    @Test
    void aRestartResumesTheWorkflowReusingTheStepsThatSucceeded() throws Exception {
        startServer(2, 2, 1);
        JobRecord job = submit(3, 1, null);
        Gates.awaitRunning(1);
        Gates.release(1); // gate-1 succeeds
        Gates.awaitStarted(2); // gate-2 waits at the gate
        Gates.awaitRunning(1);

        stopServer(); // gate-2 dies with the local launcher
        Gates.reset();
        startServer(2, 2, 1);
        RecoverySummary recovered = service.recoverAfterRestart();
        Gates.releaseAll();
        JobRecord done = service.await(job.jobId(), DEADLINE);

        assertThat(recovered.requeued()).isEqualTo(1);
        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(Gates.started()).as("gate-2 and gate-3 run again, gate-1 is reused").isEqualTo(2);
        assertThat(Files.readString(service.jobDirectory(job.jobId()).resolve("job.log")))
                .contains("Step gate-1 (test.Gate) already succeeded in an earlier run");
        assertThat(Files.readAllLines(service.jobDirectory(job.jobId()).resolve("outputs/names.txt")))
                .containsExactly("gate-1", "gate-2", "gate-3");
    }

    private JobRecord awaitJob(String jobId, Predicate<JobRecord> condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            JobRecord job = service.find(jobId).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " never met the condition; it is " + job);
            }
            Thread.sleep(10); // polling the store, which has no change notification
        }
    }

    private void awaitNoActiveJobs() throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!launcher.activeJobs().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("steps still active: " + launcher.activeJobs());
            }
            Thread.sleep(10);
        }
    }
}
