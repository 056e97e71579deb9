package eu.candela.ows.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.candela.launcher.local.LocalLauncher;
import eu.candela.launcher.local.LocalLauncherConfig;

/** The job service with the real local launcher and the real JDBC store on an H2 file. */
class JobServiceTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String INPUTS = "{\"inputs\":{\"alpha\":0.05}}";
    private static final JobInputsWriter<IOException> WRITE_INPUTS =
            directory -> Files.writeString(directory.resolve("inputs.json"), INPUTS);

    @TempDir
    Path root;

    private H2Database database;
    private final TestProcesses processes = new TestProcesses();
    private LocalLauncher launcher;
    private JobService service;

    @BeforeEach
    void start() {
        database = H2Database.open(root.resolve("db/jobs"));
        JobStoreMigrations.migrate(database.dataSource());
        launcher = new LocalLauncher(new LocalLauncherConfig(1, 1, Duration.ofMillis(20)), processes);
        service = new JobService(new JdbcJobStore(database.dataSource()), launcher, root.resolve("jobs"),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        processes.release.countDown();
        launcher.close();
        database.close();
    }

    @Test
    void submittedJobIsAcceptedWithItsInputsAndFrontRequest() throws Exception {
        JobRecord accepted = service.submit(TestProcesses.SUCCEED, "alice", "<wps:ResponseForm/>", WRITE_INPUTS);

        assertThat(accepted.state()).isEqualTo(JobState.ACCEPTED);
        assertThat(accepted.inputs()).isEqualTo(INPUTS);
        assertThat(service.find(accepted.jobId()).orElseThrow().frontRequest()).isEqualTo("<wps:ResponseForm/>");
        assertThat(service.jobDirectory(accepted.jobId())).isEqualTo(root.resolve("jobs").resolve(accepted.jobId()));
    }

    @Test
    void jobRunsToSuccessWithItsOutputsRecorded() throws Exception {
        JobRecord accepted = service.submit(TestProcesses.SUCCEED, "alice", null, WRITE_INPUTS);

        JobRecord finished = service.await(accepted.jobId(), DEADLINE);

        assertThat(finished.state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(finished.percentCompleted()).isEqualTo(100);
        assertThat(finished.outputs()).isEqualTo(TestProcesses.RESULT_JSON);
        assertThat(finished.started()).isNotNull();
        assertThat(finished.finished()).isAfterOrEqualTo(finished.started());
    }

    @Test
    void runningJobShowsTheProgressOfItsStatusFile() throws Exception {
        String jobId = service.submit(TestProcesses.BLOCK, "alice", null, WRITE_INPUTS).jobId();

        await().atMost(DEADLINE).until(() -> service.find(jobId).orElseThrow().percentCompleted() == 40);

        JobRecord running = service.find(jobId).orElseThrow();
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.message()).isEqualTo("halfway");
    }

    @Test
    void failureReasonIsPersisted() throws Exception {
        String jobId = service.submit(TestProcesses.FAIL, "alice", null, WRITE_INPUTS).jobId();

        JobRecord finished = service.await(jobId, DEADLINE);

        assertThat(finished.state()).isEqualTo(JobState.FAILED);
        assertThat(finished.message()).isEqualTo(TestProcesses.FAILURE_REASON);
    }

    @Test
    void dismissingARunningJobCancelsItInTheLauncher() throws Exception {
        String jobId = service.submit(TestProcesses.BLOCK, "alice", null, WRITE_INPUTS).jobId();
        await().atMost(DEADLINE).until(() -> processes.started.contains(jobId));

        JobRecord dismissed = service.dismiss(jobId);

        assertThat(dismissed.state()).isEqualTo(JobState.DISMISSED);
        await().atMost(DEADLINE).until(() -> processes.sawCancellation.contains(jobId) && launcher.activeJobs().isEmpty());
        assertThat(service.find(jobId).orElseThrow().state()).isEqualTo(JobState.DISMISSED);
    }

    @Test
    void dismissingAQueuedJobMeansItNeverRuns() throws Exception {
        String running = service.submit(TestProcesses.BLOCK, "alice", null, WRITE_INPUTS).jobId();
        await().atMost(DEADLINE).until(() -> processes.started.contains(running));
        String queued = service.submit(TestProcesses.SUCCEED, "alice", null, WRITE_INPUTS).jobId();

        assertThat(service.dismiss(queued).state()).isEqualTo(JobState.DISMISSED);

        processes.release.countDown();
        service.await(running, DEADLINE);
        await().atMost(DEADLINE).until(() -> launcher.activeJobs().isEmpty());
        assertThat(processes.started).doesNotContain(queued);
    }

    @Test
    void dismissingAFinishedJobReturnsItUnchanged() throws Exception {
        String jobId = service.submit(TestProcesses.SUCCEED, "alice", null, WRITE_INPUTS).jobId();
        JobRecord finished = service.await(jobId, DEADLINE);

        assertThat(service.dismiss(jobId)).isEqualTo(finished);
    }

    @Test
    void dismissingAnUnknownJobThrowsNoSuchJob() {
        String unknown = UUID.randomUUID().toString();

        assertThatThrownBy(() -> service.dismiss(unknown))
                .isInstanceOf(NoSuchJobException.class)
                .extracting(e -> ((NoSuchJobException) e).jobId()).isEqualTo(unknown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "../../etc/passwd", "not-a-uuid-at-all-but-36-characters!",
            "3F2504E0-4F89-11D3-9A0C-0305E82C3301"})
    void findOfAnIdThatIsNoJobIdIsEmpty(String jobId) {
        assertThat(service.find(jobId)).isEmpty();
    }

    @Test
    void busyLauncherGivesServerBusyAndLeavesAFailedRecord() throws Exception {
        String running = service.submit(TestProcesses.BLOCK, "alice", null, WRITE_INPUTS).jobId();
        await().atMost(DEADLINE).until(() -> processes.started.contains(running));
        service.submit(TestProcesses.BLOCK, "alice", null, WRITE_INPUTS);

        ServerBusyException busy = org.junit.jupiter.api.Assertions.assertThrows(ServerBusyException.class,
                () -> service.submit(TestProcesses.SUCCEED, "alice", null, WRITE_INPUTS));

        assertThat(busy).hasMessage("server busy: 1 job running and 1 queued, try again later");
        JobRecord refused = service.find(busy.jobId()).orElseThrow();
        assertThat(refused.state()).isEqualTo(JobState.FAILED);
        assertThat(refused.message()).isEqualTo(busy.getMessage());
    }

    @Test
    void failingInputsWriterLeavesNoRecordAndNoDirectory() throws Exception {
        IOException fetchFailed = new IOException("cannot fetch input 'before': HTTP 404");

        assertThatThrownBy(() -> service.submit(TestProcesses.SUCCEED, "alice", null, directory -> {
            Files.writeString(directory.resolve("before.tif"), "partial");
            throw fetchFailed;
        })).isSameAs(fetchFailed);

        assertThat(service.countByState().values()).allMatch(count -> count == 0);
        try (Stream<Path> jobDirectories = Files.list(root.resolve("jobs"))) {
            assertThat(jobDirectories).isEmpty();
        }
    }

    @Test
    void inputsWriterThatWritesNoInputsJsonIsAnError() throws Exception {
        assertThatThrownBy(() -> service.submit(TestProcesses.SUCCEED, "alice", null, directory -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inputs.json");

        try (Stream<Path> jobDirectories = Files.list(root.resolve("jobs"))) {
            assertThat(jobDirectories).isEmpty();
        }
    }

    @Test
    void awaitReturnsTheJobAsItIsWhenTheTimeoutPasses() throws Exception {
        String jobId = service.submit(TestProcesses.BLOCK, "alice", null, WRITE_INPUTS).jobId();

        JobRecord current = service.await(jobId, Duration.ofMillis(50));

        assertThat(current.state().isTerminal()).isFalse();
    }

    @Test
    void listShowsAnOwnersJobsNewestFirst() throws Exception {
        String first = service.submit(TestProcesses.SUCCEED, "alice", null, WRITE_INPUTS).jobId();
        service.await(first, DEADLINE);
        String second = service.submit(TestProcesses.SUCCEED, "alice", null, WRITE_INPUTS).jobId();
        service.await(second, DEADLINE);
        service.submit(TestProcesses.SUCCEED, "bob", null, WRITE_INPUTS);

        assertThat(service.list("alice", 0, 10)).extracting(JobRecord::jobId).containsExactly(second, first);
    }
}
