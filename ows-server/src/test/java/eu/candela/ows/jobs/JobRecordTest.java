package eu.candela.ows.jobs;

import static eu.candela.ows.jobs.JobRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class JobRecordTest {

    @Test
    void acceptedJobHasNothingDoneYet() {
        JobRecord job = JobRecords.accepted();

        assertThat(job.state()).isEqualTo(JobState.ACCEPTED);
        assertThat(job.percentCompleted()).isZero();
        assertThat(job.started()).isNull();
        assertThat(job.finished()).isNull();
        assertThat(job.updated()).isEqualTo(job.created());
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        JobRecord job = JobRecords.accepted("alice", Instant.parse("2026-11-22T10:15:30.123456789Z"));

        assertThat(job.created()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
    }

    @Test
    void successSetsOutputsFullPercentAndFinishedTime() {
        JobRecord done = JobRecords.running().withSuccess("{}", "completed", T0.plusSeconds(9));

        assertThat(done.state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(done.percentCompleted()).isEqualTo(100);
        assertThat(done.outputs()).isEqualTo("{}");
        assertThat(done.finished()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void failureKeepsTheProgressReachedAndTheReason() {
        JobRecord failed = JobRecords.running().withProgress(30, "tile 3", T0.plusSeconds(2))
                .withFailure("disk full", T0.plusSeconds(3));

        assertThat(failed.percentCompleted()).isEqualTo(30);
        assertThat(failed.message()).isEqualTo("disk full");
    }

    @Test
    void rejectsAJobIdThatIsNotACanonicalUuid() {
        assertThatThrownBy(() -> JobRecord.accepted("../x", "P", "alice", T0, "{}", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobId");
    }

    @Test
    void rejectsPercentOutsideZeroToHundred() {
        assertThatThrownBy(() -> JobRecords.running().withProgress(101, null, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percentCompleted");
    }

    @Test
    void rejectsARunningJobWithoutStartTime() {
        JobRecord accepted = JobRecords.accepted();

        assertThatThrownBy(() -> new JobRecord(accepted.jobId(), "P", "alice", JobState.RUNNING, 0, null, T0, null,
                null, T0, "{}", null, null)).hasMessageContaining("started");
    }

    @Test
    void rejectsATerminalJobWithoutFinishedTime() {
        JobRecord accepted = JobRecords.accepted();

        assertThatThrownBy(() -> new JobRecord(accepted.jobId(), "P", "alice", JobState.FAILED, 0, "x", T0, null,
                null, T0, "{}", null, null)).hasMessageContaining("finished");
    }

    @Test
    void rejectsOutputsOnAJobThatIsNotSuccessful() {
        JobRecord accepted = JobRecords.accepted();

        assertThatThrownBy(() -> new JobRecord(accepted.jobId(), "P", "alice", JobState.ACCEPTED, 0, null, T0, null,
                null, T0, "{}", "{}", null)).hasMessageContaining("outputs");
    }

    @Test
    void rejectsABlankOwner() {
        assertThatThrownBy(() -> JobRecords.accepted(" ", T0)).hasMessageContaining("owner");
    }
}
