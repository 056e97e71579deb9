package eu.candela.ows.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.candela.launcher.local.LocalLauncher;
import eu.candela.launcher.local.LocalLauncherConfig;
import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;

/**
 * A server killed while jobs were open leaves records accepted or running. These tests write such
 * records with one store, close its database, and start a new job service with a fresh local
 * launcher over the same H2 file, as the next server start does.
 */
class JobServiceRecoveryTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private Path jobsRoot;
    private final TestProcesses processes = new TestProcesses();
    private H2Database database;
    private LocalLauncher launcher;

    @BeforeEach
    void createJobsRoot() throws IOException {
        jobsRoot = Files.createDirectories(root.resolve("jobs"));
    }

    @AfterEach
    void stop() {
        processes.release.countDown();
        if (launcher != null) {
            launcher.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void runningJobWithACompleteResultBecomesSuccessful() throws Exception {
        JobRecord running = leftBehind(running(TestProcesses.SUCCEED), true, true);

        JobService service = restart();
        service.recoverAfterRestart();

        JobRecord recovered = service.find(running.jobId()).orElseThrow();
        assertThat(recovered.state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(recovered.outputs()).isEqualTo(TestProcesses.RESULT_JSON);
    }

    @Test
    void runningJobWithoutResultFailsAskingToExecuteAgain() throws Exception {
        JobRecord running = leftBehind(running(TestProcesses.SUCCEED), true, false);

        JobService service = restart();
        service.recoverAfterRestart();

        JobRecord recovered = service.find(running.jobId()).orElseThrow();
        assertThat(recovered.state()).isEqualTo(JobState.FAILED);
        assertThat(recovered.message()).isEqualTo("interrupted by a server restart while running; execute it again");
    }

    @Test
    void runningJobWithATruncatedResultFails() throws Exception {
        JobRecord running = leftBehind(running(TestProcesses.SUCCEED), true, false);
        Files.writeString(jobsRoot.resolve(running.jobId()).resolve("result.json"), "{\"outputs\":[{\"na");

        JobService service = restart();
        service.recoverAfterRestart();

        assertThat(service.find(running.jobId()).orElseThrow().state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void acceptedJobWithItsInputsIsQueuedAgainAndRuns() throws Exception {
        JobRecord accepted = leftBehind(accepted(TestProcesses.SUCCEED), true, false);

        JobService service = restart();
        RecoverySummary summary = service.recoverAfterRestart();

        assertThat(summary.requeued()).isEqualTo(1);
        JobRecord finished = service.await(accepted.jobId(), DEADLINE);
        assertThat(finished.state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(processes.started).contains(accepted.jobId());
    }

    @Test
    void requeuedJobSaysSoWhileItWaits() throws Exception {
        launcher = new LocalLauncher(new LocalLauncherConfig(1, 4, Duration.ofMillis(20)), processes);
        blockTheOnlyWorker();
        JobRecord accepted = leftBehind(accepted(TestProcesses.SUCCEED), true, false);

        JobService service = restart();
        service.recoverAfterRestart();

        JobRecord waiting = service.find(accepted.jobId()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.ACCEPTED);
        assertThat(waiting.message()).isEqualTo("re-queued after server restart");
    }

    @Test
    void acceptedJobWithoutItsInputsFails() throws Exception {
        JobRecord accepted = leftBehind(accepted(TestProcesses.SUCCEED), false, false);

        JobService service = restart();
        service.recoverAfterRestart();

        JobRecord recovered = service.find(accepted.jobId()).orElseThrow();
        assertThat(recovered.state()).isEqualTo(JobState.FAILED);
        assertThat(recovered.message()).contains("execute it again");
    }

    @Test
    void finishedJobsKeepTheirRecordsOutputsAndDirectories() throws Exception {
        JobRecord successful = leftBehind(running(TestProcesses.SUCCEED)
                .withSuccess(TestProcesses.RESULT_JSON, "completed", JobRecords.T0.plusSeconds(5)), true, true);
        JobRecord failed = leftBehind(running(TestProcesses.FAIL)
                .withFailure("no scene", JobRecords.T0.plusSeconds(5)), true, false);

        JobService service = restart();
        RecoverySummary summary = service.recoverAfterRestart();

        assertThat(summary.total()).isZero();
        assertThat(service.find(successful.jobId())).contains(successful);
        assertThat(service.find(failed.jobId())).contains(failed);
        assertThat(service.jobDirectory(successful.jobId()).resolve("result.json")).exists();
    }

    @Test
    void jobTheLauncherStillRunsIsLeftAlone() throws Exception {
        launcher = new LocalLauncher(new LocalLauncherConfig(1, 4, Duration.ofMillis(20)), processes);
        JobRecord running = leftBehind(running(TestProcesses.BLOCK), true, false);
        launcher.submit(new JobSpec(running.jobId(), TestProcesses.BLOCK, "alice", jobsRoot.resolve(running.jobId()),
                Map.of()), JobListener.IGNORING);

        JobService service = restart();
        RecoverySummary summary = service.recoverAfterRestart();

        assertThat(summary).isEqualTo(new RecoverySummary(0, 0, 0, 1));
        assertThat(service.find(running.jobId()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void summaryCountsEachOutcome() throws Exception {
        leftBehind(running(TestProcesses.SUCCEED), true, true);
        leftBehind(running(TestProcesses.SUCCEED), true, false);
        leftBehind(accepted(TestProcesses.BLOCK), true, false);
        leftBehind(accepted(TestProcesses.BLOCK), false, false);

        RecoverySummary summary = restart().recoverAfterRestart();

        assertThat(summary).isEqualTo(new RecoverySummary(1, 1, 2, 0));
    }

    private JobRecord accepted(String processId) {
        return JobRecord.accepted(UUID.randomUUID().toString(), processId, "alice", JobRecords.T0,
                JobRecords.INPUTS, null);
    }

    private JobRecord running(String processId) {
        return accepted(processId).withRunning(JobRecords.T0.plusSeconds(1));
    }

    /** Writes the record, and the job directory with inputs.json and result.json as asked, as a killed server leaves them. */
    private JobRecord leftBehind(JobRecord job, boolean withInputs, boolean withResult) throws IOException {
        if (withInputs || withResult) {
            Path directory = Files.createDirectories(jobsRoot.resolve(job.jobId()));
            if (withInputs) {
                Files.writeString(directory.resolve("inputs.json"), job.inputs());
            }
            if (withResult) {
                TestProcesses.writeResult(directory);
            }
        }
        try (H2Database previousServer = H2Database.open(root.resolve("db/jobs"))) {
            JobStoreMigrations.migrate(previousServer.dataSource());
            new JdbcJobStore(previousServer.dataSource()).insert(job);
        }
        return job;
    }

    private JobService restart() {
        database = H2Database.open(root.resolve("db/jobs"));
        JobStoreMigrations.migrate(database.dataSource());
        if (launcher == null) {
            launcher = new LocalLauncher(new LocalLauncherConfig(2, 4, Duration.ofMillis(20)), processes);
        }
        return new JobService(new JdbcJobStore(database.dataSource()), launcher, jobsRoot, Clock.systemUTC());
    }

    private void blockTheOnlyWorker() throws Exception {
        Path directory = Files.createDirectories(root.resolve("blocker"));
        launcher.submit(new JobSpec("blocker", TestProcesses.BLOCK, "alice", directory, Map.of()), JobListener.IGNORING);
        org.awaitility.Awaitility.await().atMost(DEADLINE).until(() -> processes.started.contains("blocker"));
    }
}
