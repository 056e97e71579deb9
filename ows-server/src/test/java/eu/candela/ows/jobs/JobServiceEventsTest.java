package eu.candela.ows.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.candela.launcher.spi.JobListener;

/**
 * How the job service treats launcher events, played by hand through {@link CapturingLauncher}
 * (a stand-in: nothing runs) against the real JDBC store on an H2 file.
 */
class JobServiceEventsTest {
    @TempDir
    Path root;

    private H2Database database;
    private final CapturingLauncher launcher = new CapturingLauncher();
    private final SettableClock clock = new SettableClock(JobRecords.T0);
    private JobService service;
    private String jobId;
    private JobListener events;

    @BeforeEach
    void submitOneJob() throws Exception {
        database = H2Database.open(root.resolve("db/jobs"));
        JobStoreMigrations.migrate(database.dataSource());
        service = new JobService(new JdbcJobStore(database.dataSource()), launcher, root.resolve("jobs"), clock);
        jobId = service.submit("ChangeDetection", "alice", null,
                directory -> Files.writeString(directory.resolve("inputs.json"), JobRecords.INPUTS)).jobId();
        events = launcher.listenerOf(jobId);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void startedMovesTheJobToRunningWithItsStartTime() {
        clock.advance(Duration.ofSeconds(3));

        events.started(jobId);

        JobRecord running = job();
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.started()).isEqualTo(JobRecords.T0.plusSeconds(3));
    }

    @Test
    void progressBeforeStartedAlsoMeansRunning() {
        events.progress(jobId, 10, "reading scene");

        assertThat(job().state()).isEqualTo(JobState.RUNNING);
        assertThat(job().percentCompleted()).isEqualTo(10);
    }

    @Test
    void everyPercentChangeIsWritten() {
        events.started(jobId);

        events.progress(jobId, 10, "tile 1");
        events.progress(jobId, 11, "tile 2");

        assertThat(job().percentCompleted()).isEqualTo(11);
        assertThat(job().message()).isEqualTo("tile 2");
    }

    @Test
    void aMessageAloneIsWrittenAtMostEveryQuarterSecond() {
        events.started(jobId);
        events.progress(jobId, 10, "tile 1");

        clock.advance(Duration.ofMillis(100));
        events.progress(jobId, 10, "tile 1, band 2");
        assertThat(job().message()).isEqualTo("tile 1");

        clock.advance(Duration.ofMillis(150));
        events.progress(jobId, 10, "tile 1, band 3");
        assertThat(job().message()).isEqualTo("tile 1, band 3");
    }

    @Test
    void successRecordsTheResultFile() throws Exception {
        events.started(jobId);
        TestProcesses.writeResult(service.jobDirectory(jobId));

        events.succeeded(jobId);

        assertThat(job().state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(job().outputs()).isEqualTo(TestProcesses.RESULT_JSON);
    }

    @Test
    void successWithoutACompleteResultFileIsAFailure() throws Exception {
        events.started(jobId);
        Files.writeString(service.jobDirectory(jobId).resolve("result.json"), "{\"outputs\":[");

        events.succeeded(jobId);

        assertThat(job().state()).isEqualTo(JobState.FAILED);
        assertThat(job().message()).contains("result.json");
    }

    @Test
    void aSecondTerminalEventIsIgnored() throws Exception {
        events.started(jobId);
        events.failed(jobId, "out of memory");

        TestProcesses.writeResult(service.jobDirectory(jobId));
        events.succeeded(jobId);
        events.cancelled(jobId);

        assertThat(job().state()).isEqualTo(JobState.FAILED);
        assertThat(job().message()).isEqualTo("out of memory");
    }

    @Test
    void progressAfterTheEndIsIgnored() {
        events.started(jobId);
        events.failed(jobId, "out of memory");

        events.progress(jobId, 90, "late");

        assertThat(job().percentCompleted()).isZero();
        assertThat(job().message()).isEqualTo("out of memory");
    }

    @Test
    void startedAfterTheEndIsIgnored() {
        events.cancelled(jobId);

        events.started(jobId);

        assertThat(job().state()).isEqualTo(JobState.DISMISSED);
        assertThat(job().started()).isNull();
    }

    @Test
    void dismissAsksTheLauncherToCancel() throws Exception {
        events.started(jobId);

        service.dismiss(jobId);

        assertThat(launcher.wasCancelled(jobId)).isTrue();
        assertThat(job().state()).isEqualTo(JobState.DISMISSED);
    }

    @Test
    void awaitReturnsAsSoonAsTheJobEnds() throws Exception {
        CompletableFuture<JobRecord> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return service.await(jobId, Duration.ofSeconds(30));
            } catch (NoSuchJobException e) {
                throw new AssertionError(e);
            }
        });
        events.started(jobId);

        events.failed(jobId, "no scene");

        assertThat(waiting.get(10, TimeUnit.SECONDS).state()).isEqualTo(JobState.FAILED);
    }

    private JobRecord job() {
        return service.find(jobId).orElseThrow();
    }
}
