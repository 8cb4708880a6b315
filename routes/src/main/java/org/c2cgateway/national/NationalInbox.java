package org.c2cgateway.national;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.status.DeliveryStatus;
import org.c2cgateway.status.DeliveryStatusOutbox;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;

/**
 * The pull channel to the national system. Notifications stay on the durable national queue until
 * the national system acknowledges them, so an unacknowledged one is simply offered again, by any
 * gateway node, after any restart. Only an acknowledgement is the national system taking a notification (being
 * offered in the inbox is not): in its transaction, a delivery status is noted for the sender.
 */
public final class NationalInbox {

    private final ConnectionFactory connections;
    private final TraceRecorder trace;
    private final DeliveryStatusOutbox statuses;

    public NationalInbox(ConnectionFactory connections, TraceRecorder trace, DeliveryStatusOutbox statuses) {
        this.connections = connections;
        this.trace = trace;
        this.statuses = statuses;
    }

    /** Up to {@code max} notifications not yet acknowledged, oldest first. */
    public List<InboxEntry> pending(int max) {
        List<InboxEntry> entries = new ArrayList<>();
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(Queues.IN_NATIONAL))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && entries.size() < max) {
                    entries.add(toEntry((BytesMessage) messages.nextElement()));
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the national queue: " + e.getMessage(), e);
        }
        entries.forEach(this::traceFirstDelivery);
        return entries;
    }

    /** One pending notification, without taking it; empty when none with that id is pending. */
    public Optional<InboxEntry> find(String messageId) {
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(Queues.IN_NATIONAL), selectorFor(messageId))) {
                Enumeration<?> messages = browser.getEnumeration();
                if (!messages.hasMoreElements()) {
                    return Optional.empty();
                }
                InboxEntry entry = toEntry((BytesMessage) messages.nextElement());
                traceFirstDelivery(entry);
                return Optional.of(entry);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read " + messageId + " from the national queue: " + e.getMessage(), e);
        }
    }

    /** Removes an acknowledged notification for good; empty when no pending notification has that id. */
    public Optional<InboxEntry> acknowledge(String messageId) {
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            connection.start();
            Queue queue = session.createQueue(Queues.IN_NATIONAL);
            try (MessageConsumer consumer = session.createConsumer(queue, selectorFor(messageId))) {
                BytesMessage message = (BytesMessage) consumer.receive(2_000);
                if (message == null) {
                    return Optional.empty();
                }
                InboxEntry entry = toEntry(message);
                Instant acknowledged = DeliveryStatusOutbox.stepTime();
                statuses.note(session, messageId, entry.fromCountry(), entry.mrn(), DeliveryStatus.Kind.ACKNOWLEDGED,
                        acknowledged, "PULL");
                session.commit();
                trace.event(messageId, TraceEvent.ACKNOWLEDGED, acknowledged, "by the national system");
                return Optional.of(entry);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot acknowledge " + messageId + ": " + e.getMessage(), e);
        }
    }

    private void traceFirstDelivery(InboxEntry entry) {
        MessageStatus status = trace.status(entry.messageId());
        // ACCEPTED too: the national system can read the message before the QUEUED event is written
        if (status == MessageStatus.ACCEPTED || status == MessageStatus.AWAITING_NATIONAL_SYSTEM) {
            trace.event(entry.messageId(), TraceEvent.DELIVERED, Instant.now(), "offered in the inbox");
        }
    }

    static String selectorFor(String messageId) {
        return QueueHeaders.MESSAGE_ID + " = '" + messageId.replace("'", "''") + "'";
    }

    private static InboxEntry toEntry(BytesMessage message) throws JMSException {
        byte[] payload = new byte[(int) message.getBodyLength()];
        message.readBytes(payload);
        return new InboxEntry(message.getStringProperty(QueueHeaders.MESSAGE_ID),
                message.getStringProperty(QueueHeaders.NATIONAL_MESSAGE_ID),
                message.getStringProperty(QueueHeaders.MRN),
                message.getStringProperty(QueueHeaders.TYPE),
                message.getStringProperty(QueueHeaders.PARTNER),
                Instant.ofEpochMilli(message.getLongProperty(QueueHeaders.ACCEPTED_AT)),
                payload);
    }
}
