package org.c2cgateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant QUEUED = Instant.parse("2026-11-27T08:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60),
            Duration.ofMinutes(10), 0.0, 0);

    @Test
    void delays_grow_exponentially_up_to_the_maximum() {
        assertEquals(Duration.ofSeconds(1), policy.delayAfter(1));
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(2));
        assertEquals(Duration.ofSeconds(32), policy.delayAfter(6));
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(7));
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(500));
    }

    @Test
    void is_out_of_time_when_no_next_attempt_can_start_within_the_time_to_live() {
        // 9m30s after queueing, attempt 10 fails: the next would start at 10m30s, past the 10 minutes.
        assertTrue(policy.outOfTime(10, QUEUED, QUEUED.plus(Duration.ofSeconds(570))));
        // 8m after, the next one (at 9m) still starts in time.
        assertFalse(policy.outOfTime(10, QUEUED, QUEUED.plus(Duration.ofMinutes(8))));
        // an attempt that starts after the time-to-live (say, after an outage) and fails ends it at once
        assertTrue(policy.outOfTime(1, QUEUED, QUEUED.plus(Duration.ofHours(3))));
    }

    @Test
    void jitter_counts_with_the_shortest_wait_it_allows() {
        RetryPolicy jittered = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60),
                Duration.ofMinutes(10), 0.5, 0);
        // nominal next start 10m20s is too late, but the jitter may start it at 9m50s: keep trying
        assertFalse(jittered.outOfTime(10, QUEUED, QUEUED.plus(Duration.ofSeconds(560))));
        assertTrue(jittered.outOfTime(10, QUEUED, QUEUED.plus(Duration.ofSeconds(571))));
    }

    @Test
    void an_attempt_cap_is_optional() {
        assertFalse(policy.lastAttempt(1_000));
        RetryPolicy capped = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), Duration.ofMinutes(10), 0.1, 3);
        assertFalse(capped.lastAttempt(2));
        assertTrue(capped.lastAttempt(3));
    }

    @Test
    void invalid_settings_name_the_setting_and_the_rule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new RetryPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(60), Duration.ofMinutes(10), 0.1, 0));
        assertEquals("retry.multiplier must be at least 1.0, got 0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () ->
                new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(5), Duration.ofMinutes(10), 0.1, 0));
        assertThrows(IllegalArgumentException.class, () ->
                new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), Duration.ZERO, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () ->
                new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), Duration.ofMinutes(1), 1.5, 0));
    }
}
