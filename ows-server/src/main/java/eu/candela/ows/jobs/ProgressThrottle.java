package eu.candela.ows.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which progress reports are worth a database write: a changed percentage always, a
 * changed message alone at most once per interval, a repeat never. A skipped message is not
 * replayed; the next write (at the latest the terminal one) supersedes it.
 */
final class ProgressThrottle {
    private record Mark(int percentCompleted, String message, Instant written) {
    }

    private final Duration interval;
    private final Map<String, Mark> lastWrites = new ConcurrentHashMap<>();

    ProgressThrottle(Duration interval) {
        this.interval = interval;
    }

    boolean isWorthWriting(String jobId, int percentCompleted, String message, Instant now) {
        Mark last = lastWrites.get(jobId);
        if (last == null || last.percentCompleted() != percentCompleted) {
            return true;
        }
        return !Objects.equals(last.message(), message) && !now.isBefore(last.written().plus(interval));
    }

    void written(String jobId, int percentCompleted, String message, Instant at) {
        lastWrites.put(jobId, new Mark(percentCompleted, message, at));
    }

    void forget(String jobId) {
        lastWrites.remove(jobId);
    }
}
