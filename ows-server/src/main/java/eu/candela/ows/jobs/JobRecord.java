package eu.candela.ows.jobs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the server remembers of one job. Immutable; derive changed copies with the {@code withX}
 * methods. Instants are kept to the millisecond, the precision every job store round-trips.
 *
 * <p>Invariants: {@code started} is set once running; {@code finished} is set exactly when the
 * state is terminal; {@code outputs} is set exactly when the job is successful.
 *
 * @param jobId            canonical UUID string
 * @param processId        the process executed
 * @param owner            who submitted it
 * @param state            where the job is
 * @param percentCompleted 0 to 100 inclusive
 * @param message          the latest human-readable status or failure reason, nullable
 * @param created          when it was accepted
 * @param started          when it started to run, null before
 * @param finished         when it reached a terminal state, null before
 * @param updated          when the record last changed
 * @param inputs           the text of the job's {@code inputs.json}
 * @param outputs          the text of {@code result.json} once successful, else null
 * @param frontRequest     opaque text the protocol front stored with the job (for example the WPS
 *                         1.0 response form), nullable
 */
public record JobRecord(String jobId, String processId, String owner, JobState state, int percentCompleted,
                        String message, Instant created, Instant started, Instant finished, Instant updated,
                        String inputs, String outputs, String frontRequest) {

    public JobRecord {
        if (!JobIds.isValid(jobId)) {
            throw new IllegalArgumentException("jobId must be a canonical UUID string, was '" + jobId + "'");
        }
        requireText(processId, "processId");
        requireText(owner, "owner");
        Objects.requireNonNull(state, "state");
        if (percentCompleted < 0 || percentCompleted > 100) {
            throw new IllegalArgumentException("percentCompleted must be in 0..100, was " + percentCompleted);
        }
        created = millis(Objects.requireNonNull(created, "created"));
        started = millis(started);
        finished = millis(finished);
        updated = millis(Objects.requireNonNull(updated, "updated"));
        Objects.requireNonNull(inputs, "inputs");
        if (state == JobState.RUNNING && started == null) {
            throw new IllegalArgumentException("a running job needs its started time");
        }
        if (state.isTerminal() != (finished != null)) {
            throw new IllegalArgumentException("finished must be set exactly for a terminal state, state is " + state);
        }
        if ((state == JobState.SUCCESSFUL) != (outputs != null)) {
            throw new IllegalArgumentException("outputs must be set exactly for a successful job, state is " + state);
        }
    }

    /** A job just accepted: nothing done yet. */
    public static JobRecord accepted(String jobId, String processId, String owner, Instant created, String inputs,
                                     String frontRequest) {
        return new JobRecord(jobId, processId, owner, JobState.ACCEPTED, 0, null, created, null, null, created,
                inputs, null, frontRequest);
    }

    public JobRecord withRunning(Instant at) {
        return new JobRecord(jobId, processId, owner, JobState.RUNNING, percentCompleted, message, created, at,
                null, at, inputs, null, frontRequest);
    }

    public JobRecord withProgress(int newPercentCompleted, String newMessage, Instant at) {
        return new JobRecord(jobId, processId, owner, state, newPercentCompleted, newMessage, created, started,
                finished, at, inputs, outputs, frontRequest);
    }

    public JobRecord withMessage(String newMessage, Instant at) {
        return withProgress(percentCompleted, newMessage, at);
    }

    /** Successful with the text of {@code result.json}: 100 percent. */
    public JobRecord withSuccess(String resultJson, String newMessage, Instant at) {
        return new JobRecord(jobId, processId, owner, JobState.SUCCESSFUL, 100, newMessage, created, started, at, at,
                inputs, Objects.requireNonNull(resultJson, "resultJson"), frontRequest);
    }

    public JobRecord withFailure(String reason, Instant at) {
        return new JobRecord(jobId, processId, owner, JobState.FAILED, percentCompleted,
                Objects.requireNonNull(reason, "reason"), created, started, at, at, inputs, null, frontRequest);
    }

    public JobRecord withDismissal(String newMessage, Instant at) {
        return new JobRecord(jobId, processId, owner, JobState.DISMISSED, percentCompleted, newMessage, created,
                started, at, at, inputs, null, frontRequest);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
