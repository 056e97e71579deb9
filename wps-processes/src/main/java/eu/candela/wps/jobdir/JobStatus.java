package eu.candela.wps.jobdir;

import java.time.Instant;
import java.util.Objects;

/**
 * The content of {@code status.json}: how far the job got, in the words of WPS
 * ({@code percentCompleted}). It carries progress only; whether a job succeeded, failed or was
 * cancelled is the runner's exit code (0, 1, 2), which the launcher observes. After a failure the
 * message is the reason, fit to show a user.
 *
 * @param percentCompleted 0 to 100
 * @param message          what the process is doing, or why it stopped
 * @param updated          when this status was written
 */
public record JobStatus(int percentCompleted, String message, Instant updated) {
    public JobStatus {
        if (percentCompleted < 0 || percentCompleted > 100) {
            throw new IllegalArgumentException("percentCompleted must be between 0 and 100, got " + percentCompleted);
        }
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(updated, "updated");
    }
}
