package eu.candela.launcher.local;

import java.time.Duration;
import java.util.Objects;

/**
 * Sizing of a {@link LocalLauncher}.
 *
 * @param workers          jobs that run at the same time, at least 1
 * @param queueLength      jobs that may wait for a worker, at least 0; a submit beyond
 *                         {@code workers + queueLength} jobs is refused
 * @param progressInterval how often {@code status.json} of running jobs is read, positive
 */
public record LocalLauncherConfig(int workers, int queueLength, Duration progressInterval) {
    public LocalLauncherConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (queueLength < 0) {
            throw new IllegalArgumentException("queueLength must be at least 0, was " + queueLength);
        }
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive, was " + progressInterval);
        }
    }

    /** Two workers, sixteen queued jobs, progress read every 500 ms: the embedded default. */
    public static LocalLauncherConfig defaults() {
        return new LocalLauncherConfig(2, 16, Duration.ofMillis(500));
    }

    public LocalLauncherConfig withWorkers(int newWorkers) {
        return new LocalLauncherConfig(newWorkers, queueLength, progressInterval);
    }

    public LocalLauncherConfig withQueueLength(int newQueueLength) {
        return new LocalLauncherConfig(workers, newQueueLength, progressInterval);
    }

    public LocalLauncherConfig withProgressInterval(Duration newProgressInterval) {
        return new LocalLauncherConfig(workers, queueLength, newProgressInterval);
    }
}
