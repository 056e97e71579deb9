package eu.candela.ows.jobs;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;
import eu.candela.launcher.spi.Launcher;

/**
 * A launcher stand-in that runs nothing: it keeps each job's listener so a test can play the
 * launcher's events in any order, including orders a well-behaved launcher never produces.
 */
final class CapturingLauncher implements Launcher {
    private final Map<String, JobListener> listeners = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    @Override
    public void submit(JobSpec spec, JobListener listener) {
        listeners.put(spec.jobId(), listener);
    }

    @Override
    public boolean cancel(String jobId) {
        cancelled.add(jobId);
        return listeners.containsKey(jobId);
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public Set<String> activeJobs() {
        return Set.copyOf(listeners.keySet());
    }

    @Override
    public void close() {
        listeners.clear();
    }

    JobListener listenerOf(String jobId) {
        JobListener listener = listeners.get(jobId);
        if (listener == null) {
            throw new AssertionError("job " + jobId + " was not submitted");
        }
        return listener;
    }

    boolean wasCancelled(String jobId) {
        return cancelled.contains(jobId);
    }
}
