package org.c2cgateway.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;

/**
 * Where a receiving gateway notes that a delivery status is to go back to the sender, in the very JMS
 * transaction that hands the notification to its national system: the note is on the durable status queue
 * exactly when the hand-over committed (after its trace step was written), and never otherwise. Its broker
 * duplicate id, the message id and the kind, keeps a second note of the same step off the queue, so that a
 * hand-over repeated after a crash does not send a second status.
 */
public final class DeliveryStatusOutbox {

    /** Queue property of a note: which step it reports, a {@link DeliveryStatus.Kind}. */
    static final String KIND = "c2cStatusKind";

    private final boolean enabled;
    private final String node;
    private volatile ProducerTemplate template;

    /**
     * @param enabled whether this gateway sends delivery statuses at all ({@code c2c.delivery-status.enabled})
     * @param node    this node's name, which the status names as where the step was recorded
     */
    public DeliveryStatusOutbox(boolean enabled, String node) {
        this.enabled = enabled;
        this.node = node;
    }

    /**
     * The time of a step a status reports, to the microsecond as trace stores keep it: the status then says the
     * very time the receiving gateway's timeline shows.
     */
    public static Instant stepTime() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * From a route that consumes the national queue in a JMS transaction: the send runs on the route's thread
     * through the same JMS component, so it joins the route's transaction.
     */
    public void note(Exchange exchange, DeliveryStatus.Kind kind, Instant at, String channel) {
        if (!enabled) {
            return;
        }
        Message message = exchange.getMessage();
        DeliveryStatus status = new DeliveryStatus(message.getHeader(QueueHeaders.MESSAGE_ID, String.class), kind, at,
                node, channel);
        templateOf(exchange).sendBodyAndHeaders(Queues.jms(Queues.DELIVERY_STATUS), status.toXml(),
                properties(status, message.getHeader(QueueHeaders.PARTNER, String.class),
                        message.getHeader(QueueHeaders.MRN, String.class)));
    }

    /** From the pull inbox, in the transacted session that takes the acknowledged notification off the queue. */
    public void note(Session session, String messageId, String partner, String mrn, DeliveryStatus.Kind kind,
                     Instant at, String channel) throws JMSException {
        if (!enabled) {
            return;
        }
        DeliveryStatus status = new DeliveryStatus(messageId, kind, at, node, channel);
        BytesMessage note = session.createBytesMessage();
        note.writeBytes(status.toXml());
        for (Map.Entry<String, Object> property : properties(status, partner, mrn).entrySet()) {
            note.setObjectProperty(property.getKey(), property.getValue());
        }
        try (MessageProducer producer = session.createProducer(session.createQueue(Queues.DELIVERY_STATUS))) {
            producer.send(note);
        }
    }

    /** The note's queue properties, the same on both ways onto the queue; no message group. */
    private static Map<String, Object> properties(DeliveryStatus status, String partner, String mrn) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(QueueHeaders.MESSAGE_ID, status.refToMessageId());
        properties.put(QueueHeaders.PARTNER, partner);
        if (mrn != null) {
            properties.put(QueueHeaders.MRN, mrn);
        }
        properties.put(KIND, status.kind().name());
        properties.put(QueueHeaders.BROKER_DUPLICATE_ID, status.refToMessageId() + "/status/" + status.kind());
        return properties;
    }

    private ProducerTemplate templateOf(Exchange exchange) {
        ProducerTemplate current = template;
        if (current == null) {
            synchronized (this) {
                if (template == null) {
                    template = exchange.getContext().createProducerTemplate();
                }
                current = template;
            }
        }
        return current;
    }
}
