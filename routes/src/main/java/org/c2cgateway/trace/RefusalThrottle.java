package org.c2cgateway.trace;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * Bounds how fast refusals are written, so that a flood of garbage requests cannot turn into a flood of
 * database rows and log lines: at most {@code perSecond} refusals are kept in each second of the clock,
 * per node. The ones past that are only counted, and the next refusal kept carries the count, so the
 * operator still sees that (and how many) were left out. Thread-safe.
 */
public final class RefusalThrottle {

    private final int perSecond;
    private long second = Long.MIN_VALUE;
    private int keptThisSecond;
    private int suppressed;

    public RefusalThrottle(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("at least one refusal per second must be kept, not " + perSecond);
        }
        this.perSecond = perSecond;
    }

    /**
     * Whether to keep a refusal made at {@code now}: empty when not; otherwise how many were left out since
     * the last one kept.
     */
    public synchronized OptionalInt admit(Instant now) {
        long current = now.getEpochSecond();
        if (current != second) {
            second = current;
            keptThisSecond = 0;
        }
        if (keptThisSecond >= perSecond) {
            suppressed = suppressed == Integer.MAX_VALUE ? suppressed : suppressed + 1;
            return OptionalInt.empty();
        }
        keptThisSecond++;
        int leftOut = suppressed;
        suppressed = 0;
        return OptionalInt.of(leftOut);
    }
}
