package eu.candela.launcher.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import eu.candela.launcher.spi.JobListener;
import org.awaitility.Awaitility;

/**
 * Records every listener call as a line per job ({@code started}, {@code progress 42 reading},
 * {@code failed: why}, {@code succeeded}, {@code cancelled}), and waits for them.
 */
public final class RecordingJobListener implements JobListener {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void started(String jobId) {
        events.add(jobId + " started");
    }

    @Override
    public void progress(String jobId, int percentCompleted, String message) {
        events.add(jobId + " progress " + percentCompleted + " " + message);
    }

    @Override
    public void succeeded(String jobId) {
        events.add(jobId + " succeeded");
    }

    @Override
    public void failed(String jobId, String reason) {
        events.add(jobId + " failed: " + reason);
    }

    @Override
    public void cancelled(String jobId) {
        events.add(jobId + " cancelled");
    }

    /** The events of one job, without the job id. */
    public List<String> of(String jobId) {
        return events.stream()
                .filter(e -> e.startsWith(jobId + " "))
                .map(e -> e.substring(jobId.length() + 1))
                .toList();
    }

    public boolean hasEnded(String jobId) {
        return of(jobId).stream().anyMatch(RecordingJobListener::isTerminal);
    }

    /** Waits for the job's terminal call and returns it ({@code succeeded}, {@code failed: ...}, ...). */
    public String awaitEnd(String jobId) {
        Awaitility.await().atMost(PATIENCE).until(() -> hasEnded(jobId));
        return of(jobId).stream().filter(RecordingJobListener::isTerminal).findFirst().orElseThrow();
    }

    /** Waits until the job has had an event that starts with {@code prefix}. */
    public void awaitEvent(String jobId, String prefix) {
        Awaitility.await().atMost(PATIENCE).until(() -> of(jobId).stream().anyMatch(e -> e.startsWith(prefix)));
    }

    private static boolean isTerminal(String event) {
        return event.equals("succeeded") || event.equals("cancelled") || event.startsWith("failed");
    }
}
