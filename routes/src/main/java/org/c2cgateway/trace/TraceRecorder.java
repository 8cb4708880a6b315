package org.c2cgateway.trace;

import java.time.Instant;

/**
 * Where the engine writes what happened to each message. The store behind it (JDBC) is wired by the
 * application, so the engine stays testable without a database.
 */
public interface TraceRecorder {

    /**
     * Records a new message. Returns {@code false} when a message with this id is already traced,
     * which is how a receiving gateway recognises a duplicate.
     */
    boolean open(MessageRecord record);

    /** Appends one step, which happened at {@code at}, to the message's timeline and moves its status. */
    void event(String messageId, TraceEvent event, Instant at, String detail);

    /** Keeps the partner's signed receipt with the trace, as evidence of delivery. */
    void receipt(String messageId, byte[] signedReceipt);

    /** The status of a known message, or {@code null} when the id is unknown. */
    MessageStatus status(String messageId);
}
