package org.c2cgateway.queue;

import java.time.Instant;

import org.apache.camel.Message;
import org.c2cgateway.model.NotificationHeader;

/**
 * Properties carried with each notification on the queues (and as Camel headers on the way there).
 * JMS property names must be Java identifiers, hence the camel case.
 */
public final class QueueHeaders {

    /** The gateway message id, shared by both gateways and used as the AS4 MessageId. */
    public static final String MESSAGE_ID = "c2cMessageId";
    /** The national system's own id of the notification. */
    public static final String NATIONAL_MESSAGE_ID = "c2cNationalMessageId";
    public static final String MRN = "c2cMrn";
    /** The notification type, as its root element name. */
    public static final String TYPE = "c2cType";
    /** The partner country the notification goes to (outbound) or came from (inbound). */
    public static final String PARTNER = "c2cPartner";
    /** When the gateway accepted the notification, epoch milliseconds. */
    public static final String ACCEPTED_AT = "c2cAcceptedAt";
    /** Artemis message group: notifications of one movement stay in submission order. */
    public static final String GROUP = "JMSXGroupID";
    /**
     * Artemis duplicate detection: the broker drops a second message with the same value on the same
     * address. Set to the gateway message id, it makes "queued twice" impossible even when a crash
     * came between a durable send and the trace that records it.
     */
    public static final String BROKER_DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** How often the broker has offered this message, counting this time. */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private QueueHeaders() {
    }

    /** Labels a notification for a queue: the same properties outbound and inbound, one id on both gateways. */
    public static void label(Message message, String messageId, NotificationHeader header, String partnerCountry,
                             Instant acceptedAt) {
        message.setHeader(MESSAGE_ID, messageId);
        message.setHeader(NATIONAL_MESSAGE_ID, header.messageId());
        message.setHeader(MRN, header.mrn());
        message.setHeader(TYPE, header.type().rootElement());
        message.setHeader(PARTNER, partnerCountry);
        message.setHeader(ACCEPTED_AT, acceptedAt.toEpochMilli());
        message.setHeader(GROUP, header.mrn());
    }
}
