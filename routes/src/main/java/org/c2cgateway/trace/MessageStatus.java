package org.c2cgateway.trace;

/**
 * Where a message stands, as an operator asks about it. Declared in the order a message moves
 * through them, and a status never moves back: steps traced by different threads or nodes may land
 * slightly out of order, and a late event must not undo a later state.
 */
public enum MessageStatus {
    ACCEPTED,
    QUEUED,
    SENDING,
    DELIVERED_TO_PARTNER,
    FAILED,
    AWAITING_NATIONAL_SYSTEM,
    DELIVERED,
    ACKNOWLEDGED,
    /** Refused by this gateway after the sender was authenticated (for instance, the notification breaks a rule). */
    REJECTED;

    /** Whether moving from this status to {@code next} is progress (or a repeat), never a step back. */
    public boolean mayAdvanceTo(MessageStatus next) {
        return next.ordinal() >= ordinal();
    }
}
