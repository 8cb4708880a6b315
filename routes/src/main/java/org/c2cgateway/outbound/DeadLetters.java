package org.c2cgateway.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's hand on a partner's dead-letter queue (and on the national push channel's,
 * {@code DLQ.in.national}): what is in it, and sending chosen notifications back to the queue they came
 * from once the cause is fixed. Plain JMS, so that it works the same on the embedded
 * broker and on an external Artemis cluster.
 * <p>
 * A replayed notification keeps its gateway message id (so the partner's duplicate detection still holds)
 * and its movement's message group, and starts over with a fresh delivery count.
 */
public final class DeadLetters {

    /** Broker-internal properties (original address, duplicate id, group, ...) that a replay must not carry over. */
    private static final String ARTEMIS_INTERNAL = "_AMQ_";
    /** Provider-set JMS properties; the message group is copied explicitly. */
    private static final String JMS_DEFINED = "JMSX";
    /**
     * Artemis duplicate detection: the original send's id (the gateway message id) is still in the partner
     * address' duplicate cache, so a replay carries an id of its own or the broker would drop it.
     */
    private static final long RECEIVE_TIMEOUT_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final ConnectionFactory connections;
    private final TraceRecorder trace;
    private final String deadLetterAddress;

    /**
     * @param deadLetterAddress the broker address the partners' dead-letter queues ({@code DLQ.out.<CC>}) sit on,
     *                          as Artemis creates them for a dead-letter address with automatic dead-letter resources
     */
    public DeadLetters(ConnectionFactory connections, TraceRecorder trace, String deadLetterAddress) {
        this.connections = connections;
        this.trace = trace;
        this.deadLetterAddress = deadLetterAddress;
    }

    /** One notification in a partner's dead-letter queue, as the queue itself describes it. */
    public record DeadLetter(String messageId, String nationalMessageId, String mrn, String type, String partner,
                             Instant acceptedAt) {
    }

    /** The partner's dead letters, oldest first. */
    public List<DeadLetter> list(String partnerCountry) throws JMSException {
        return listOf(Queues.outbound(partnerCountry));
    }

    /**
     * Moves the named notifications from the partner's dead-letter queue back to its partner queue, all in
     * one transaction: either every one found is back on the partner queue, or none left the dead-letter
     * queue. Ids not in the dead-letter queue are skipped; returns the message ids replayed.
     */
    public List<String> replay(String partnerCountry, Collection<String> messageIds) throws JMSException {
        return replayTo(Queues.outbound(partnerCountry), messageIds, TraceEvent.DEAD_LETTERED);
    }

    /** Received notifications the push channel gave up on ({@code DLQ.in.national}), oldest first. */
    public List<DeadLetter> listNational() throws JMSException {
        return listOf(Queues.IN_NATIONAL);
    }

    /** Moves the named national dead letters back to {@code in.national}, to be pushed again, as {@link #replay}. */
    public List<String> replayNational(Collection<String> messageIds) throws JMSException {
        return replayTo(Queues.IN_NATIONAL, messageIds, TraceEvent.NATIONAL_DEAD_LETTERED);
    }

    private List<DeadLetter> listOf(String queue) throws JMSException {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(deadLetterQueue(session, queue))) {
            connection.start();
            List<DeadLetter> found = new ArrayList<>();
            for (Object browsed : Collections.list(browser.getEnumeration())) {
                Message m = (Message) browsed;
                found.add(new DeadLetter(m.getStringProperty(QueueHeaders.MESSAGE_ID),
                        m.getStringProperty(QueueHeaders.NATIONAL_MESSAGE_ID), m.getStringProperty(QueueHeaders.MRN),
                        m.getStringProperty(QueueHeaders.TYPE), m.getStringProperty(QueueHeaders.PARTNER), acceptedAt(m)));
            }
            return found;
        }
    }

    private List<String> replayTo(String queue, Collection<String> messageIds, TraceEvent stillDead) throws JMSException {
        Set<String> wanted = new LinkedHashSet<>(messageIds);
        wanted.retainAll(listOf(queue).stream().map(DeadLetter::messageId).toList()); // no wait for absent ids
        if (wanted.isEmpty()) {
            return List.of();
        }
        String deadLetters = Queues.deadLetterOf(queue);
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(deadLetterQueue(session, queue), selector(wanted));
             MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            connection.start();
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            List<String> replayed = new ArrayList<>();
            Instant at = Instant.now();
            try {
                Message dead;
                while (replayed.size() < wanted.size() && (dead = consumer.receive(RECEIVE_TIMEOUT_MILLIS)) != null) {
                    String messageId = dead.getStringProperty(QueueHeaders.MESSAGE_ID);
                    producer.send(copyForReplay(session, dead));
                    replayed.add(messageId);
                }
                // Traced before the commit: once committed, the consuming route may deliver at once, and its
                // steps must follow this one for the status to move forward.
                replayed.forEach(id -> trace.event(id, TraceEvent.REPLAYED, at, "from " + deadLetters + " to " + queue));
                session.commit();
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                replayed.forEach(id -> trace.event(id, stillDead, Instant.now(),
                        "replay failed, still in " + deadLetters + ": " + e));
                throw e;
            }
            LOG.info("replayed {} dead letter(s) from {} to {}: {}", replayed.size(), deadLetters, queue, replayed);
            return replayed;
        }
    }

    /**
     * A queue's dead-letter queue by its fully qualified name: the queue is not on an address of its
     * own name, and a plain name would make the broker create a wrong, empty one.
     */
    private Queue deadLetterQueue(Session session, String queue) throws JMSException {
        return session.createQueue(deadLetterAddress + "::" + Queues.deadLetterOf(queue));
    }

    /** A new message with the same body and the gateway's properties, without the broker's own. */
    private static Message copyForReplay(Session session, Message dead) throws JMSException {
        Message copy;
        if (dead instanceof BytesMessage) {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(dead.getBody(byte[].class));
            copy = bytes;
        } else if (dead instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else {
            throw new MessageFormatException("dead letter " + dead.getJMSMessageID() + " is a "
                    + dead.getClass().getSimpleName() + ", not a queued notification");
        }
        for (Object property : Collections.list(dead.getPropertyNames())) {
            String name = (String) property;
            if (!name.startsWith(ARTEMIS_INTERNAL) && !name.startsWith(JMS_DEFINED)) {
                copy.setObjectProperty(name, dead.getObjectProperty(name));
            }
        }
        copy.setStringProperty(QueueHeaders.GROUP, dead.getStringProperty(QueueHeaders.GROUP));
        copy.setStringProperty(QueueHeaders.BROKER_DUPLICATE_ID,
                dead.getStringProperty(QueueHeaders.MESSAGE_ID) + "/replay/" + dead.getJMSMessageID());
        copy.setJMSType(dead.getJMSType());
        copy.setJMSCorrelationID(dead.getJMSCorrelationID());
        return copy;
    }

    /** A selector for the given gateway message ids, quoted as JMS selector string literals. */
    private static String selector(Set<String> messageIds) {
        return QueueHeaders.MESSAGE_ID + " IN (" + messageIds.stream()
                .map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
    }

    private static Instant acceptedAt(Message m) throws JMSException {
        return m.propertyExists(QueueHeaders.ACCEPTED_AT)
                ? Instant.ofEpochMilli(m.getLongProperty(QueueHeaders.ACCEPTED_AT)) : null;
    }
}
