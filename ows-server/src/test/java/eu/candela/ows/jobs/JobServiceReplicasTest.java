package eu.candela.ows.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.candela.launcher.spi.JobListener;

/**
 * Two servers on one job store and one jobs root, as replicas of a cluster deployment are, both
 * hearing the same job succeed (one submitted it, the other re-attached it): the job ends once and
 * its result is finished (published) once, however the two events interleave.
 */
class JobServiceReplicasTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private H2Database database;
    private final CapturingLauncher launcherA = new CapturingLauncher();
    private final CapturingLauncher launcherB = new CapturingLauncher();
    private final List<String> finishedBy = new CopyOnWriteArrayList<>();
    private final CountDownLatch publishing = new CountDownLatch(1);

    @BeforeEach
    void open() {
        database = H2Database.open(root.resolve("db/jobs"));
        JobStoreMigrations.migrate(database.dataSource());
    }

    @AfterEach
    void close() {
        publishing.countDown();
        database.close();
    }

    /** A replica whose finisher records itself and holds until the test lets publishing end. */
    private JobService replica(String name, CapturingLauncher launcher) {
        return new JobService(new JdbcJobStore(database.dataSource()), launcher, root.resolve("jobs"), Clock.systemUTC(),
                (job, dir, result) -> {
                    finishedBy.add(name);
                    try {
                        publishing.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return result;
                });
    }

    @Test
    void aJobBothReplicasHearSucceedEndsOnceAndIsFinishedOnce() throws Exception {
        JobService a = replica("a", launcherA);
        JobService b = replica("b", launcherB);
        String jobId = a.submit(TestProcesses.SUCCEED, "alice", null,
                directory -> Files.writeString(directory.resolve("inputs.json"), JobRecords.INPUTS)).jobId();
        JobListener heardByA = launcherA.listenerOf(jobId);
        JobListener heardByB = b.listenerForOpenJob(jobId).orElseThrow();
        heardByA.started(jobId);
        heardByB.started(jobId);
        TestProcesses.writeResult(a.jobDirectory(jobId));

        heardByA.succeeded(jobId);
        Awaitility.await().atMost(DEADLINE).until(() -> finishedBy.contains("a"));
        heardByB.succeeded(jobId); // while a still publishes
        b.shutdown(); // waits for b's finishing to return

        assertThat(finishedBy).containsExactly("a");
        publishing.countDown();
        Awaitility.await().atMost(DEADLINE).until(() -> a.find(jobId).orElseThrow().state() == JobState.SUCCESSFUL);
        heardByA.succeeded(jobId); // repeated and late, after the end
        heardByA.failed(jobId, "late");
        a.shutdown(); // waits for a's finishing to return
        assertThat(finishedBy).containsExactly("a");
        assertThat(b.find(jobId).orElseThrow().state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(Files.exists(a.jobDirectory(jobId).resolve(JobDirectories.FINISHING_CLAIM))).as("released").isFalse();
    }

    @Test
    void aFinishedJobHasNoListenerForAReplicaThatFindsItLate() throws Exception {
        JobService a = replica("a", launcherA);
        JobService b = replica("b", launcherB);
        String jobId = a.submit(TestProcesses.SUCCEED, "alice", null,
                directory -> Files.writeString(directory.resolve("inputs.json"), JobRecords.INPUTS)).jobId();
        assertThat(b.listenerForOpenJob(jobId)).isPresent();

        launcherA.listenerOf(jobId).failed(jobId, "OOMKilled");

        assertThat(b.listenerForOpenJob(jobId)).isEmpty();
        assertThat(b.listenerForOpenJob("00000000-0000-0000-0000-000000000000")).isEmpty();
    }
}
