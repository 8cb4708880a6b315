package org.c2cgateway.trace;

/**
 * Where a message stands, as an operator asks about it. Declared in the order a message moves
 * through them, and a status never moves back: steps traced by different threads or nodes may land
 * slightly out of order, and a late event must not undo a later state.
 * <p>
 * The one exception is {@link #FAILED} to {@link #QUEUED}: an operator's replay of a dead letter
 * ({@link TraceEvent#REPLAYED}) puts the message back on its partner queue, and from there it moves
 * forward again as on its first way out.
 */
public enum MessageStatus {
    ACCEPTED,
    QUEUED,
    SENDING,
    DELIVERED_TO_PARTNER,
    FAILED,
    AWAITING_NATIONAL_SYSTEM,
    /** Every push to the national system's webhook failed; in the national dead-letter queue. */
    UNDELIVERABLE,
    DELIVERED,
    ACKNOWLEDGED,
    /** Refused by this gateway after the sender was authenticated (for instance, the notification breaks a rule). */
    REJECTED;

    /**
     * Whether moving from this status to {@code next} is progress (or a repeat), never a step back;
     * or the replay of a dead letter, from {@link #FAILED} back to {@link #QUEUED}.
     */
    public boolean mayAdvanceTo(MessageStatus next) {
        return next.ordinal() >= ordinal() || this == FAILED && next == QUEUED;
    }

    /**
     * Whether the message is done with: delivered (to the partner, or to the national system) or refused. Its record
     * may then go once it is old enough; one in any other status stays whatever its age, because it may still move
     * (in flight, or a dead letter an operator may replay).
     */
    public boolean isFinal() {
        return switch (this) {
            case DELIVERED_TO_PARTNER, DELIVERED, ACKNOWLEDGED, REJECTED -> true;
            default -> false;
        };
    }
}
