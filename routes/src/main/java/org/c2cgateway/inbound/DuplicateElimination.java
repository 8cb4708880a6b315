package org.c2cgateway.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.ReceivedMessage;

/**
 * AS4 duplicate elimination, as a decision apart from the route so that every case can be tested
 * without a partner: a message id is handed to the national system at most once, and within the
 * duplicate window a repeat is answered with the receipt the first reception got. Past the window
 * the repeat is refused rather than delivered again: the trace still knows the id, and a notification
 * re-sent after that long is for the operators of both gateways to look into.
 */
public final class DuplicateElimination {

    /** What to do with a received message id. */
    public enum Verdict {
        /** Never seen: trace it, queue it, answer with a new receipt. */
        NEW,
        /** Seen, but a crash came before it was queued: queue it now, answer with a new receipt. */
        NOT_YET_QUEUED,
        /** Already queued within the window: not queued again, answered with the receipt it got. */
        ALREADY_QUEUED,
        /** Already queued, but longer ago than the window: refused. */
        OUTSIDE_WINDOW,
        /** Refused before (for instance, its notification broke a rule): refused again. */
        REFUSED_BEFORE
    }

    private final Duration window;

    public DuplicateElimination(Duration window) {
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the duplicate window must be positive, not " + window);
        }
    }

    public Duration window() {
        return window;
    }

    public Verdict judge(Optional<ReceivedMessage> known, Instant now) {
        if (known.isEmpty()) {
            return Verdict.NEW;
        }
        ReceivedMessage message = known.get();
        if (message.status() == MessageStatus.ACCEPTED) {
            return Verdict.NOT_YET_QUEUED;
        }
        if (message.status() == MessageStatus.REJECTED) {
            return Verdict.REFUSED_BEFORE;
        }
        return message.acceptedAt().plus(window).isBefore(now) ? Verdict.OUTSIDE_WINDOW : Verdict.ALREADY_QUEUED;
    }
}
