package eu.candela.ows.jobs;

import eu.candela.launcher.spi.JobListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result finisher (map publishing) runs on each result before its job succeeds, on results
 * recovered after a restart too, and never costs a job its result when it fails.
 */
class JobServiceFinisherTest {
    private static final String FINISHED = "{\"outputs\":[{\"id\":\"added\",\"literal\":\"x\",\"dataType\":\"string\"}]}";

    @TempDir
    Path root;

    private H2Database database;
    private final CapturingLauncher launcher = new CapturingLauncher();
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void open() {
        database = H2Database.open(root.resolve("db/jobs"));
        JobStoreMigrations.migrate(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private JobService service(ResultFinisher finisher) {
        return new JobService(new JdbcJobStore(database.dataSource()), launcher, root.resolve("jobs"), Clock.systemUTC(), finisher);
    }

    private String submit(JobService service) throws Exception {
        return service.submit("ChangeDetection", "alice", null,
                directory -> Files.writeString(directory.resolve("inputs.json"), JobRecords.INPUTS)).jobId();
    }

    @Test
    void theFinishedResultIsWhatTheJobRecordsAndTheFinisherSeesTheRunningJob() throws Exception {
        JobService service = service((job, dir, result) -> {
            seen.add(job.state() + " " + dir.getFileName() + " " + result);
            return FINISHED;
        });
        String jobId = submit(service);
        JobListener events = launcher.listenerOf(jobId);
        events.started(jobId);
        TestProcesses.writeResult(service.jobDirectory(jobId));

        events.succeeded(jobId);

        JobRecord job = service.await(jobId, Duration.ofSeconds(10));
        assertThat(job.state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(job.outputs()).isEqualTo(FINISHED);
        assertThat(seen).containsExactly("RUNNING " + jobId + " " + TestProcesses.RESULT_JSON);
    }

    @Test
    void aFailingFinisherLeavesTheProcessResult() throws Exception {
        JobService service = service((job, dir, result) -> {
            throw new IllegalStateException("catalogue unavailable");
        });
        String jobId = submit(service);
        JobListener events = launcher.listenerOf(jobId);
        TestProcesses.writeResult(service.jobDirectory(jobId));

        events.succeeded(jobId);

        JobRecord job = service.await(jobId, Duration.ofSeconds(10));
        assertThat(job.state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(job.outputs()).isEqualTo(TestProcesses.RESULT_JSON);
    }

    @Test
    void aDismissedJobIsNotFinished() throws Exception {
        JobService service = service((job, dir, result) -> {
            seen.add(job.jobId());
            return FINISHED;
        });
        String jobId = submit(service);
        JobListener events = launcher.listenerOf(jobId);
        service.dismiss(jobId);
        TestProcesses.writeResult(service.jobDirectory(jobId));

        events.succeeded(jobId);
        service.shutdown(); // waits for the finisher threads: anything queued has run

        assertThat(seen).isEmpty();
        assertThat(service.find(jobId).orElseThrow().state()).isEqualTo(JobState.DISMISSED);
    }

    @Test
    void theJobStaysRunningWhileItsResultIsFinishedOffTheLaunchersThread() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        JobService service = service((job, dir, result) -> {
            seen.add(Thread.currentThread().getName());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FINISHED;
        });
        String jobId = submit(service);
        JobListener events = launcher.listenerOf(jobId);
        TestProcesses.writeResult(service.jobDirectory(jobId));

        events.succeeded(jobId); // returns although the finisher blocks

        assertThat(service.find(jobId).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        release.countDown();
        assertThat(service.await(jobId, Duration.ofSeconds(10)).state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(seen).containsExactly("job-finisher");
    }

    @Test
    void aResultLeftBehindByACrashIsFinishedWhenRecovered() throws Exception {
        String jobId = submit(service(ResultFinisher.NONE));
        launcher.listenerOf(jobId).started(jobId);
        TestProcesses.writeResult(root.resolve("jobs").resolve(jobId));

        // a new launcher: the one that ran the job went down with the server
        JobService restarted = new JobService(new JdbcJobStore(database.dataSource()), new CapturingLauncher(),
                root.resolve("jobs"), Clock.systemUTC(), (job, dir, result) -> FINISHED);
        restarted.recoverAfterRestart();

        JobRecord job = restarted.find(jobId).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(job.outputs()).isEqualTo(FINISHED);
    }
}
