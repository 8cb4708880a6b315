package org.c2cgateway.intake;

import java.time.Instant;

import org.apache.camel.Message;
import org.c2cgateway.model.NotificationHeader;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;

/**
 * One message the intake puts on a partner's queue: the receiver's own (minimised) document under its
 * gateway message id. The intake route sends each with its own body and labels.
 */
record Outgoing(String messageId, String partner, byte[] payload, NotificationHeader header, Instant acceptedAt) {

    /** Makes {@code message} this outgoing message: body, queue labels, target queue and broker duplicate id. */
    void prepare(Message message) {
        message.setBody(payload);
        QueueHeaders.label(message, messageId, header, partner, acceptedAt);
        message.setHeader(QueueHeaders.BROKER_DUPLICATE_ID, messageId);
        message.setHeader(NotificationIntake.TARGET_QUEUE, Queues.jms(Queues.outbound(partner)));
    }
}
