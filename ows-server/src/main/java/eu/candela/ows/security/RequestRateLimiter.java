package eu.candela.ows.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute per caller, as a token bucket: a caller may burst up to the minute's
 * allowance, which refills continuously. Thread-safe; callers are keyed by user name (or by address
 * for anonymous visitors).
 */
final class RequestRateLimiter {
    /** Keys come partly from strangers (addresses): bound the table, forgetting everyone when full. */
    private static final int MAX_KEYS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    /** @param perMinute allowance per minute; 0 for no limit */
    RequestRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one request from {@code key}'s allowance: empty when allowed, else how long until the next one is. */
    java.util.Optional<Duration> acquire(String key) {
        if (perMinute == 0) return java.util.Optional.empty();
        long now = clock.millis() * 1_000_000L;
        if (buckets.size() > MAX_KEYS) buckets.clear();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (b) {
            double perNano = perMinute / 60e9;
            b.tokens = Math.min(perMinute, b.tokens + (now - b.lastNanos) * perNano);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return java.util.Optional.empty();
            }
            long waitNanos = (long) Math.ceil((1 - b.tokens) / perNano);
            return java.util.Optional.of(Duration.ofNanos(waitNanos));
        }
    }
}
