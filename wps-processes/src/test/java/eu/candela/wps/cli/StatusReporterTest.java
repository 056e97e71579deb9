package eu.candela.wps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusReporterTest {

    @TempDir
    Path root;
    private final MutableClock clock = new MutableClock(Instant.parse("2017-04-29T10:00:00Z"));
    private final List<JobStatus> written = new ArrayList<>();
    private JobDirectory dir;
    private StatusReporter reporter;

    @BeforeEach
    void setUp() throws IOException {
        dir = new JobDirectory(root).create();
        reporter = new StatusReporter(dir, clock, written::add);
    }

    @Test
    void neverGoesBackwards() throws IOException {
        reporter.progress(50, "half");
        reporter.progress(40, "late report");

        assertThat(dir.readStatus().orElseThrow().percentCompleted()).isEqualTo(50);
    }

    @Test
    void writesOncePerPercentage() {
        for (int block = 0; block < 100; block++) {
            reporter.progress(10, "block " + block);
        }

        assertThat(written).hasSize(1);
    }

    @Test
    void writesNewMessageAtSamePercentageAfterTheInterval() throws IOException {
        reporter.progress(10, "sampling");
        clock.advance(StatusReporter.MESSAGE_INTERVAL);
        reporter.progress(10, "iterating");

        assertThat(dir.readStatus().orElseThrow().message()).isEqualTo("iterating");
    }

    @Test
    void clampsAboveOneHundred() throws IOException {
        reporter.progress(150, "over");

        assertThat(dir.readStatus().orElseThrow().percentCompleted()).isEqualTo(100);
    }

    @Test
    void finishWritesEvenWithoutNews() throws IOException {
        reporter.progress(30, "working");
        reporter.finish(0, "failed for a reason");

        JobStatus last = dir.readStatus().orElseThrow();
        assertThat(last.message()).isEqualTo("failed for a reason");
        assertThat(last.percentCompleted()).isEqualTo(30);
        assertThat(last.updated()).isEqualTo(clock.instant());
    }

    @Test
    void tellsTheListenerWhatItWrites() {
        reporter.progress(5, "a");
        clock.advance(Duration.ofSeconds(5));
        reporter.progress(6, "b");

        assertThat(written).extracting(JobStatus::percentCompleted).containsExactly(5, 6);
    }
}
