package eu.candela.launcher.local;

import eu.candela.launcher.testing.RecordingJobListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.candela.launcher.spi.JobEntryPoint;
import eu.candela.launcher.spi.JobSpec;
import eu.candela.launcher.spi.LauncherBusyException;

class LocalLauncherTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final LocalLauncherConfig FAST = new LocalLauncherConfig(2, 4, Duration.ofMillis(20));

    @TempDir
    Path jobsRoot;

    private final RecordingJobListener listener = new RecordingJobListener();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private LocalLauncher launcher;

    @AfterEach
    void closeLauncher() {
        release.countDown();
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void runsJobAndReportsSuccess() throws Exception {
        launcher = new LocalLauncher(FAST, (processId, dir, cancelled) -> 0);

        launcher.submit(spec("a"), listener);

        await().atMost(DEADLINE).until(() -> listener.hasEnded("a"));
        assertThat(listener.of("a")).containsExactly("started", "succeeded");
        await().atMost(DEADLINE).until(() -> launcher.activeJobs().isEmpty());
    }

    @Test
    void reportsProgressOnlyWhenStatusJsonChanges() throws Exception {
        CountDownLatch firstSeen = new CountDownLatch(1);
        launcher = new LocalLauncher(FAST, (processId, dir, cancelled) -> {
            StatusFiles.write(dir, 10, "reading scene");
            firstSeen.await(10, TimeUnit.SECONDS);
            StatusFiles.write(dir, 60, "writing outputs");
            release.await(10, TimeUnit.SECONDS);
            return 0;
        });

        launcher.submit(spec("a"), listener);
        await().atMost(DEADLINE).until(() -> listener.of("a").contains("progress 10 reading scene"));
        firstSeen.countDown();
        await().atMost(DEADLINE).until(() -> listener.of("a").contains("progress 60 writing outputs"));
        release.countDown();

        await().atMost(DEADLINE).until(() -> listener.hasEnded("a"));
        assertThat(listener.of("a"))
                .containsExactly("started", "progress 10 reading scene", "progress 60 writing outputs", "succeeded");
    }

    @Test
    void failureReasonComesFromStatusJsonMessage() throws Exception {
        launcher = new LocalLauncher(FAST, (processId, dir, cancelled) -> {
            StatusFiles.write(dir, 30, "no Sentinel-2 scene covers the area");
            return 1;
        });

        launcher.submit(spec("a"), listener);

        await().atMost(DEADLINE).until(() -> listener.hasEnded("a"));
        assertThat(listener.of("a")).last().isEqualTo("failed: no Sentinel-2 scene covers the area");
    }

    @Test
    void failureWithoutStatusNamesTheExitCode() throws Exception {
        launcher = new LocalLauncher(FAST, (processId, dir, cancelled) -> 3);

        launcher.submit(spec("a"), listener);

        await().atMost(DEADLINE).until(() -> listener.hasEnded("a"));
        assertThat(listener.of("a")).last().isEqualTo("failed: process ChangeDetection exited with code 3");
    }

    @Test
    void exceptionInEntryPointFailsWithItsMessageAndTraceGoesToJobLog() throws Exception {
        launcher = new LocalLauncher(FAST, (processId, dir, cancelled) -> {
            throw new IllegalStateException("band B04 is missing from the scene");
        });

        JobSpec spec = spec("a");
        launcher.submit(spec, listener);

        await().atMost(DEADLINE).until(() -> listener.hasEnded("a"));
        assertThat(listener.of("a")).last().isEqualTo("failed: band B04 is missing from the scene");
        assertThat(Files.readString(spec.jobDirectory().resolve("job.log")))
                .contains("IllegalStateException", "at eu.candela.launcher");
    }

    @Test
    void exitCodeTwoReportsCancelled() throws Exception {
        launcher = new LocalLauncher(FAST, (processId, dir, cancelled) -> 2);

        launcher.submit(spec("a"), listener);

        await().atMost(DEADLINE).until(() -> listener.hasEnded("a"));
        assertThat(listener.of("a")).containsExactly("started", "cancelled");
    }

    @Test
    void refusesJobBeyondWorkersAndQueueAndNeverRunsIt() throws Exception {
        launcher = new LocalLauncher(new LocalLauncherConfig(1, 1, Duration.ofMillis(20)), blockingEntryPoint());
        launcher.submit(spec("running"), listener);
        await().atMost(DEADLINE).until(() -> started.contains("running"));
        launcher.submit(spec("queued"), listener);

        assertThatThrownBy(() -> launcher.submit(spec("rejected"), listener))
                .isInstanceOf(LauncherBusyException.class)
                .hasMessage("server busy: 1 job running and 1 queued, try again later");

        release.countDown();
        await().atMost(DEADLINE).until(() -> listener.hasEnded("queued") && launcher.activeJobs().isEmpty());
        assertThat(started).containsExactlyInAnyOrder("running", "queued");
        assertThat(listener.of("rejected")).isEmpty();
    }

    @Test
    void countsRunningAndQueuedJobs() throws Exception {
        launcher = new LocalLauncher(new LocalLauncherConfig(1, 2, Duration.ofMillis(20)), blockingEntryPoint());
        launcher.submit(spec("running"), listener);
        await().atMost(DEADLINE).until(() -> started.contains("running"));
        launcher.submit(spec("queued-1"), listener);
        launcher.submit(spec("queued-2"), listener);

        assertThat(launcher.runningJobs()).isEqualTo(1);
        assertThat(launcher.queuedJobs()).isEqualTo(2);
        assertThat(launcher.activeJobs()).containsExactlyInAnyOrder("running", "queued-1", "queued-2");
        assertThat(launcher.isHealthy()).isTrue();
    }

    @Test
    void cancelsQueuedJobAtOnce() throws Exception {
        launcher = new LocalLauncher(new LocalLauncherConfig(1, 1, Duration.ofMillis(20)), blockingEntryPoint());
        launcher.submit(spec("running"), listener);
        await().atMost(DEADLINE).until(() -> started.contains("running"));
        launcher.submit(spec("queued"), listener);

        assertThat(launcher.cancel("queued")).isTrue();

        assertThat(listener.of("queued")).containsExactly("cancelled");
        assertThat(launcher.activeJobs()).containsExactly("running");
        release.countDown();
        await().atMost(DEADLINE).until(() -> launcher.activeJobs().isEmpty());
        assertThat(started).containsExactly("running");
    }

    @Test
    void cancelledRunningJobObservesTheFlagAndIsReportedCancelledWhenItReturns() throws Exception {
        AtomicBoolean sawFlag = new AtomicBoolean();
        launcher = new LocalLauncher(FAST, (processId, dir, cancelled) -> {
            started.add(dir.getFileName().toString());
            while (!cancelled.getAsBoolean()) {
                LockSupport.parkNanos(1_000_000); // a process checking its flag between blocks; ignores interrupts
            }
            sawFlag.set(true);
            return 0;
        });
        launcher.submit(spec("a"), listener);
        await().atMost(DEADLINE).until(() -> started.contains("a"));

        assertThat(launcher.cancel("a")).isTrue();

        await().atMost(DEADLINE).until(() -> listener.hasEnded("a"));
        assertThat(sawFlag).isTrue();
        assertThat(listener.of("a")).containsExactly("started", "cancelled");
    }

    @Test
    void cancelledJobThatThrowsOnInterruptIsReportedCancelledNotFailed() throws Exception {
        launcher = new LocalLauncher(FAST, blockingEntryPoint());
        launcher.submit(spec("a"), listener);
        await().atMost(DEADLINE).until(() -> started.contains("a"));

        launcher.cancel("a");

        await().atMost(DEADLINE).until(() -> listener.hasEnded("a"));
        assertThat(listener.of("a")).containsExactly("started", "cancelled");
    }

    @Test
    void cancelOfUnknownJobReturnsFalse() {
        launcher = new LocalLauncher(FAST, (processId, dir, cancelled) -> 0);

        assertThat(launcher.cancel("never-submitted")).isFalse();
    }

    @Test
    void closeCancelsQueuedAndRunningJobsAndRefusesNewOnes() throws Exception {
        launcher = new LocalLauncher(new LocalLauncherConfig(1, 1, Duration.ofMillis(20)), blockingEntryPoint());
        launcher.submit(spec("running"), listener);
        await().atMost(DEADLINE).until(() -> started.contains("running"));
        launcher.submit(spec("queued"), listener);

        launcher.close();

        assertThat(listener.of("running")).containsExactly("started", "cancelled");
        assertThat(listener.of("queued")).containsExactly("cancelled");
        assertThat(launcher.isHealthy()).isFalse();
        assertThatThrownBy(() -> launcher.submit(spec("late"), listener))
                .isInstanceOf(LauncherBusyException.class)
                .hasMessageContaining("shutting down");
    }

    @Test
    void rejectsASecondSubmitOfTheSameJobId() throws Exception {
        launcher = new LocalLauncher(new LocalLauncherConfig(1, 1, Duration.ofMillis(20)), blockingEntryPoint());
        launcher.submit(spec("a"), listener);

        assertThatThrownBy(() -> launcher.submit(spec("a"), listener))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already submitted");
    }

    /** Records that the job started, then waits for {@link #release} (interruptibly). */
    private JobEntryPoint blockingEntryPoint() {
        return (processId, dir, cancelled) -> {
            started.add(dir.getFileName().toString());
            return release.await(10, TimeUnit.SECONDS) ? 0 : 1;
        };
    }

    private JobSpec spec(String jobId) throws IOException {
        Path dir = Files.createDirectories(jobsRoot.resolve(jobId));
        return new JobSpec(jobId, "ChangeDetection", "anonymous", dir, Map.of());
    }
}
