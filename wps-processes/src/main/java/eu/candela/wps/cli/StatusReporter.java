package eu.candela.wps.cli;

import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns a process's progress calls into {@code status.json} rewrites. Progress never goes back
 * (a process reporting 40 after 50 stays at 50), and the file is rewritten only when the percentage
 * rises or, for a new message at the same percentage, at most once per {@link #MESSAGE_INTERVAL}:
 * a process may report per block, thousands of times, without turning the job into file churn.
 * Thread-safe.
 */
final class StatusReporter {

    static final Duration MESSAGE_INTERVAL = Duration.ofSeconds(1);

    private final JobDirectory jobDirectory;
    private final Clock clock;
    private final Consumer<JobStatus> listener;
    private JobStatus last;

    StatusReporter(JobDirectory jobDirectory, Clock clock, Consumer<JobStatus> listener) {
        this.jobDirectory = jobDirectory;
        this.clock = clock;
        this.listener = listener;
    }

    /** Records progress; writes it when it is news (see the class comment). */
    synchronized void progress(int percentCompleted, String message) {
        int percent = Math.max(Math.min(percentCompleted, 100), last == null ? 0 : last.percentCompleted());
        String text = message == null ? "" : message;
        Instant now = clock.instant();
        boolean rises = last == null || percent > last.percentCompleted();
        boolean newMessage = last != null && !text.equals(last.message())
                && Duration.between(last.updated(), now).compareTo(MESSAGE_INTERVAL) >= 0;
        if (rises || newMessage) {
            write(new JobStatus(percent, text, now));
        }
    }

    /** Writes a final status unconditionally, keeping the highest percentage reached unless {@code percent} is higher. */
    synchronized void finish(int percentCompleted, String message) {
        int percent = Math.max(percentCompleted, last == null ? 0 : last.percentCompleted());
        write(new JobStatus(percent, message, clock.instant()));
    }

    synchronized JobStatus last() {
        return last;
    }

    private void write(JobStatus status) {
        try {
            jobDirectory.writeStatus(status);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jobDirectory.statusFile(), e);
        }
        last = status;
        listener.accept(status);
    }
}
