package org.c2cgateway.trace;

/**
 * The steps a notification passes through, on the sending side (A) and the receiving side (B).
 * Each step moves the message to a status, so the status is never set apart from its evidence.
 */
public enum TraceEvent {
    RECEIVED(Direction.OUTBOUND, MessageStatus.ACCEPTED),
    VALIDATED(Direction.OUTBOUND, MessageStatus.ACCEPTED),
    /** The agreement version, flow and data-sharing clause (outbound) or recognitions (inbound) that applied. */
    AGREEMENT_APPLIED(null, null),
    QUEUED(null, null),
    SEND_FAILED(Direction.OUTBOUND, MessageStatus.SENDING),
    SENT(Direction.OUTBOUND, MessageStatus.SENDING),
    RECEIPT_VERIFIED(Direction.OUTBOUND, MessageStatus.DELIVERED_TO_PARTNER),
    /**
     * The partner's signed delivery status: its national system took the notification (pushed, queued) or
     * acknowledged it (pulled). The status stays DELIVERED_TO_PARTNER: the event and its evidence say the rest.
     */
    PARTNER_DELIVERED(Direction.OUTBOUND, null),
    PARTNER_ACKNOWLEDGED(Direction.OUTBOUND, null),
    DEAD_LETTERED(Direction.OUTBOUND, MessageStatus.FAILED),
    /** An operator sent a dead-lettered message back to its partner queue: the one way back from FAILED. */
    REPLAYED(Direction.OUTBOUND, MessageStatus.QUEUED),

    RECEIVED_FROM_PARTNER(Direction.INBOUND, MessageStatus.ACCEPTED),
    VERIFIED(Direction.INBOUND, MessageStatus.ACCEPTED),
    DUPLICATE_RECEIVED(Direction.INBOUND, null),
    REJECTED(Direction.INBOUND, MessageStatus.REJECTED),
    /** A push to the national system's webhook failed; the broker offers the notification again later. */
    NATIONAL_DELIVERY_FAILED(Direction.INBOUND, null),
    /** The national push gave up (time-to-live used up): the notification waits in the national dead-letter queue. */
    NATIONAL_DEAD_LETTERED(Direction.INBOUND, MessageStatus.UNDELIVERABLE),
    DELIVERED(Direction.INBOUND, MessageStatus.DELIVERED),
    ACKNOWLEDGED(Direction.INBOUND, MessageStatus.ACKNOWLEDGED);

    private final Direction direction;
    private final MessageStatus status;

    TraceEvent(Direction direction, MessageStatus status) {
        this.direction = direction;
        this.status = status;
    }

    /** The status a message of the given direction has after this event; {@code null} when it does not change. */
    public MessageStatus statusAfter(Direction messageDirection) {
        if (this == QUEUED) {
            return messageDirection == Direction.OUTBOUND ? MessageStatus.QUEUED : MessageStatus.AWAITING_NATIONAL_SYSTEM;
        }
        return direction == null || direction == messageDirection ? status : null;
    }
}
