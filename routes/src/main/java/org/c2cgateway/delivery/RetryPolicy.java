package org.c2cgateway.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long, and how often, a queued notification is tried before it is given up as a dead letter: the
 * broker's exponential backoff between attempts (with jitter, so that a partner coming back is not hit by
 * every retry at the same instant) and a total time-to-live that the consuming route enforces.
 * <p>
 * The time-to-live is checked by the route, not turned into a broker attempt count: the time between two
 * attempts depends on how long each send took (a timeout takes the full request timeout, a refused
 * connection a millisecond), on the jitter and on how long the partner's consumption was paused by its
 * circuit breaker, so no attempt count matches a time. The route knows when the message was queued and
 * dead-letters it at the first failed attempt after which no further attempt could start within the
 * time-to-live. The optional attempt cap is the route's too: the broker's delivery count also counts the
 * deliveries a route held back to keep a movement in order, which are no attempts.
 *
 * @param initialDelay the wait after the first failed attempt
 * @param multiplier   each further wait is this many times the one before
 * @param maxDelay     the longest wait between two attempts
 * @param timeToLive   the longest time a notification is tried, from when it was put on the queue
 * @param jitter       each wait varies at random by up to this fraction of it, 0 to 1 (Artemis' collision
 *                     avoidance factor)
 * @param maxAttempts  an optional cap on send attempts; 0 for none (the time-to-live decides)
 */
public record RetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, Duration timeToLive,
                          double jitter, int maxAttempts) {

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeToLive, "timeToLive");
        require(!initialDelay.isNegative(), "initial-delay", "must not be negative, got " + initialDelay);
        require(multiplier >= 1.0, "multiplier", "must be at least 1.0, got " + multiplier);
        require(maxDelay.compareTo(initialDelay) >= 0, "max-delay",
                "must not be shorter than initial-delay " + initialDelay + ", got " + maxDelay);
        require(!timeToLive.isNegative() && !timeToLive.isZero(), "time-to-live", "must be positive, got " + timeToLive);
        require(jitter >= 0.0 && jitter <= 1.0, "jitter", "must be between 0 and 1, got " + jitter);
        require(maxAttempts >= 0, "max-attempts", "must be 0 (no cap) or more, got " + maxAttempts);
    }

    /** The broker's wait after the given failed attempt (1 for the first), before jitter. */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }

    /**
     * Whether the notification queued at {@code queuedAt}, whose attempt number {@code attempt} has just
     * failed at {@code now}, has used up its time: not even the shortest wait the jitter allows would
     * start another attempt within the time-to-live.
     */
    public boolean outOfTime(int attempt, Instant queuedAt, Instant now) {
        long shortestWait = (long) (delayAfter(attempt).toMillis() * (1.0 - jitter));
        return !now.plusMillis(shortestWait).isBefore(queuedAt.plus(timeToLive));
    }

    /** Whether the optional attempt cap is reached with this attempt. */
    public boolean lastAttempt(int attempt) {
        return maxAttempts > 0 && attempt >= maxAttempts;
    }

    private static void require(boolean valid, String field, String rule) {
        if (!valid) {
            throw new IllegalArgumentException("retry." + field + " " + rule);
        }
    }
}
