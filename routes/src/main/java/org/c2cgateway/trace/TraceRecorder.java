package org.c2cgateway.trace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine writes what happened to each message. The store behind it (JDBC) is wired by the
 * application, so the engine stays testable without a database.
 */
public interface TraceRecorder {

    /**
     * Records a new message. Returns {@code false} when a message with this id is already traced,
     * which is how a receiving gateway recognises a duplicate; or, for an {@link Direction#OUTBOUND}
     * message, when its national message id was already accepted for the same partner (one national
     * notification becomes one outbound message per receiving partner). The store's insert is the arbiter:
     * of several nodes accepting the same national message id for a partner at once, exactly one gets {@code true}.
     */
    boolean open(MessageRecord record);

    /**
     * {@link #open(MessageRecord)} with the message's first steps, as one write where the store has transactions:
     * each commit of the trace store costs more than the steps it holds (the exchange harness found the embedded
     * store's commits the largest single cost of an exchange), and a message that loses the race for its id (or
     * national message id) gets none of them either.
     */
    default boolean open(MessageRecord record, List<TraceStep> firstSteps) {
        if (!open(record)) {
            return false;
        }
        firstSteps.forEach(step -> event(record.messageId(), step.event(), step.at(), step.detail()));
        return true;
    }

    /**
     * The outbound messages a national message id was accepted as, one per receiving partner, on any node
     * and before any restart; empty when it never was.
     */
    List<MessageRef> findOutboundByNationalMessageId(String nationalMessageId);

    /** Appends one step, which happened at {@code at}, to the message's timeline and moves its status. */
    void event(String messageId, TraceEvent event, Instant at, String detail);


    /** Keeps the partner's signed receipt with the trace, as evidence of delivery. */
    void receipt(String messageId, byte[] signedReceipt);

    /** {@link #receipt(String, byte[])} and the steps it makes, as one write where the store has transactions. */
    default void receipt(String messageId, byte[] signedReceipt, List<TraceStep> steps) {
        receipt(messageId, signedReceipt);
        steps.forEach(step -> event(messageId, step.event(), step.at(), step.detail()));
    }

    /**
     * An inbound message as duplicate elimination needs it, on any node and before any restart; empty
     * when no inbound message with this id was traced.
     */
    Optional<ReceivedMessage> findInbound(String messageId);

    /**
     * Keeps the receipt this gateway answers an inbound message with, before it is returned. The first
     * receipt kept for a message stays: returns the one kept, which is another node's when that node
     * kept one first, so that every answer for the message is the same.
     */
    byte[] keepSentReceipt(String messageId, byte[] signedReceipt);

    /** The status of a known message, or {@code null} when the id is unknown. */
    MessageStatus status(String messageId);
}
