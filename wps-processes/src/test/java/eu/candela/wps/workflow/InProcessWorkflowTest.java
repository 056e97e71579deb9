package eu.candela.wps.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.cli.InProcessSteps;
import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.JobStatus;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.spi.ProcessRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process workflow runtime: {@link GateFanOut} run by a {@link ProcessRunner} with
 * {@link InProcessSteps}, each step a job directory under {@code steps/}. Steps block at the
 * {@link Gates} until the test lets them through, so concurrency is observed, not timed.
 */
class InProcessWorkflowTest {

    private static final ProcessRegistry REGISTRY = ProcessRegistry.of(List.of(new GateStep(), new JoinParts(), new GateFanOut()));

    @TempDir
    Path root;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<JobStatus> statuses = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    @BeforeEach
    void resetGates() {
        Gates.reset();
    }

    @AfterEach
    void stop() {
        Gates.releaseAll();
        background.shutdownNow();
    }

    private JobDirectory workflowJob(int steps, int concurrency, String failing) throws Exception {
        JobDirectory job = new JobDirectory(root.resolve("job")).create();
        Map<String, List<eu.candela.wps.jobdir.InputValue>> inputs = new java.util.LinkedHashMap<>();
        inputs.put("steps", List.of(new LiteralValue(String.valueOf(steps))));
        inputs.put("concurrency", List.of(new LiteralValue(String.valueOf(concurrency))));
        if (failing != null) {
            inputs.put("failing", List.of(new LiteralValue(failing)));
        }
        job.writeInputs(new JobInputs("test.GateFanOut", inputs));
        return job;
    }

    private Future<Integer> start(JobDirectory job, int platformLimit) {
        ProcessRunner runner = new ProcessRunner(REGISTRY, statuses::add, Optional.empty(),
                new InProcessSteps(REGISTRY, WorkflowLimits.of(platformLimit), Optional.empty()));
        return background.submit(() -> runner.run("test.GateFanOut", job.root(), cancelled::get));
    }

    @Test
    void fanOutRunsAtMostTheWorkflowsConcurrency() throws Exception {
        JobDirectory job = workflowJob(6, 2, null);
        Future<Integer> exit = start(job, 8);

        Gates.awaitRunning(2);
        Gates.releaseAll();

        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ProcessRunner.SUCCEEDED);
        assertThat(Gates.started()).isEqualTo(6);
        assertThat(Gates.maxRunning()).isEqualTo(2);
    }

    @Test
    void thePlatformLimitCapsWhatTheWorkflowAsks() throws Exception {
        JobDirectory job = workflowJob(5, 5, null);
        Future<Integer> exit = start(job, 3);

        Gates.awaitRunning(3);
        Gates.releaseAll();

        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ProcessRunner.SUCCEEDED);
        assertThat(Gates.maxRunning()).isEqualTo(3);
    }

    @Test
    void eachStepIsACompleteJobDirectoryAndFilesReachTheNextStepAsHardLinks() throws Exception {
        JobDirectory job = workflowJob(3, 3, null);
        Gates.releaseAll();

        assertThat(start(job, 4).get(60, TimeUnit.SECONDS)).isEqualTo(ProcessRunner.SUCCEEDED);

        for (String step : List.of("gate-1", "gate-2", "gate-3", "join")) {
            JobDirectory dir = StepDirectories.of(job.root(), step);
            assertThat(dir.inputsFile()).isRegularFile();
            assertThat(dir.statusFile()).isRegularFile();
            assertThat(dir.resultFile()).isRegularFile();
            assertThat(dir.logFile()).isRegularFile();
            assertThat(dir.readStatus().orElseThrow().percentCompleted()).isEqualTo(100);
        }
        JobDirectory join = StepDirectories.of(job.root(), "join");
        Path linked = join.resolve("inputs/parts-2-part.txt");
        assertThat(Files.isSameFile(linked, StepDirectories.of(job.root(), "gate-2").resolve("outputs/part.txt"))).isTrue();
        assertThat(Files.readString(join.inputsFile())).contains("\"inputs/parts-1-part.txt\"").doesNotContain(root.toString());
        assertThat(Files.readAllLines(job.resolve("outputs/joined.txt"))).containsExactly("gate-1", "gate-2", "gate-3");
        assertThat(job.readResult().orElseThrow().output("count").orElseThrow().literal()).isEqualTo("3");
    }

    @Test
    void progressIsMappedOverTheSteps() throws Exception {
        JobDirectory job = workflowJob(2, 2, null);
        Future<Integer> exit = start(job, 2);

        // both gates report 50 % and wait: half of the fan-out's 0..80 range
        Gates.awaitRunning(2);
        awaitStatus(40);
        Gates.releaseAll();

        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ProcessRunner.SUCCEEDED);
        List<Integer> percents = statuses.stream().map(JobStatus::percentCompleted).toList();
        assertThat(percents).isSorted().contains(40, 80, 100);
        assertThat(statuses).anyMatch(s -> s.percentCompleted() == 40 && s.message().startsWith("step gate-"));
    }

    @Test
    void aFailingStepFailsTheWorkflowWithItsNameAndCancelsTheOthers() throws Exception {
        // gate-2 fails at once; gate-1 and gate-3 wait at the gate until they are cancelled
        JobDirectory job = workflowJob(3, 3, "gate-2");

        assertThat(start(job, 3).get(60, TimeUnit.SECONDS)).isEqualTo(ProcessRunner.FAILED);

        assertThat(job.readStatus().orElseThrow().message())
                .isEqualTo("Step 'gate-2' (test.Gate) failed: Process failed: gate gate-2 failed on purpose");
        // every other step that had started was cancelled (one may not have started before the failure)
        assertThat(Gates.started()).isBetween(1, 3);
        assertThat(Gates.cancelled()).isEqualTo(Gates.started() - 1);
        assertThat(Gates.running()).isZero();
        assertThat(Files.exists(StepDirectories.of(job.root(), "join").root())).isFalse();
    }

    @Test
    void cancellingTheWorkflowCancelsItsRunningSteps() throws Exception {
        JobDirectory job = workflowJob(4, 2, null);
        Future<Integer> exit = start(job, 4);

        Gates.awaitRunning(2);
        cancelled.set(true);

        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ProcessRunner.CANCELLED);
        assertThat(Gates.cancelled()).isEqualTo(2);
        assertThat(Gates.started()).isEqualTo(2);
        assertThat(StepDirectories.of(job.root(), "gate-1").readStatus().orElseThrow().message()).isEqualTo("cancelled");
        assertThat(job.readStatus().orElseThrow().message()).isEqualTo("cancelled");
    }

    @Test
    void runningTheWorkflowAgainReusesTheStepsThatSucceeded() throws Exception {
        JobDirectory job = workflowJob(3, 1, "gate-3");
        Gates.releaseAll();
        assertThat(start(job, 3).get(60, TimeUnit.SECONDS)).isEqualTo(ProcessRunner.FAILED);
        int firstRun = Gates.started();

        // same job, the failing input fixed: gate-1 and gate-2 are reused, gate-3 runs again
        workflowJob(3, 1, null);
        assertThat(start(job, 3).get(60, TimeUnit.SECONDS)).isEqualTo(ProcessRunner.SUCCEEDED);

        assertThat(firstRun).isEqualTo(3);
        assertThat(Gates.started()).isEqualTo(4);
        assertThat(Files.readString(job.logFile())).contains("Step gate-1 (test.Gate) already succeeded in an earlier run");
    }

    private void awaitStatus(int percent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (statuses) {
            while (statuses.stream().noneMatch(s -> s.percentCompleted() >= percent)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no status reached " + percent + "%: " + statuses);
                }
                statuses.wait(20); // the list is appended from the runner's thread without notifying
            }
        }
    }
}
