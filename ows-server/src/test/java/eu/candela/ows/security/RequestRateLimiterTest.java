package eu.candela.ows.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void allowsTheMinutesAllowanceAsABurstThenRefillsContinuously() {
        HandClock clock = new HandClock();
        RequestRateLimiter limiter = new RequestRateLimiter(60, clock);
        for (int i = 0; i < 60; i++) assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(1)));
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).isPresent();
    }

    @Test
    void eachKeyHasItsOwnAllowance() {
        RequestRateLimiter limiter = new RequestRateLimiter(1, new HandClock());
        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).isPresent();
        assertThat(limiter.acquire("bob")).isEmpty();
    }

    @Test
    void zeroMeansNoLimit() {
        RequestRateLimiter limiter = new RequestRateLimiter(0, new HandClock());
        for (int i = 0; i < 10_000; i++) assertThat(limiter.acquire("alice")).isEmpty();
    }
}
