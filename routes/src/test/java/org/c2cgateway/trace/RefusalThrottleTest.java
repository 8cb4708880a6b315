package org.c2cgateway.trace;

import java.time.Instant;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalThrottleTest {

    private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void keeps_the_rate_per_second_counts_the_rest_and_hands_the_count_to_the_next_one_kept() {
        RefusalThrottle throttle = new RefusalThrottle(2);

        assertEquals(OptionalInt.of(0), throttle.admit(T));
        assertEquals(OptionalInt.of(0), throttle.admit(T.plusMillis(300)));
        assertTrue(throttle.admit(T.plusMillis(600)).isEmpty());
        assertTrue(throttle.admit(T.plusMillis(999)).isEmpty());

        assertEquals(OptionalInt.of(2), throttle.admit(T.plusSeconds(1)), "the next second's first says two were left out");
        assertEquals(OptionalInt.of(0), throttle.admit(T.plusSeconds(1)));
    }
}
