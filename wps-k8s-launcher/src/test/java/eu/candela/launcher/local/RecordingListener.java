package eu.candela.launcher.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import eu.candela.launcher.spi.JobListener;

/** Records every event as one line ("started", "progress 42 reading", "failed: why", ...) per job. */
final class RecordingListener implements JobListener {
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
    List<String> of(String jobId) {
        return events.stream()
                .filter(e -> e.startsWith(jobId + " "))
                .map(e -> e.substring(jobId.length() + 1))
                .toList();
    }

    boolean hasEnded(String jobId) {
        return of(jobId).stream().anyMatch(e -> e.equals("succeeded") || e.equals("cancelled") || e.startsWith("failed"));
    }
}
