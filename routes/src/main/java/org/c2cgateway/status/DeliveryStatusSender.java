package org.c2cgateway.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.camel.support.service.ServiceSupport;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the noted delivery statuses back to the partners, in batches: for each partner, one thread takes that
 * partner's notes off the status queue in a JMS transaction, waiting up to {@code linger} after the first for
 * more (at most {@code maxStatuses}), sends them as one message, and commits once the partner's receipt checks.
 * <p>
 * A failure that may pass (the partner unreachable, an error it may not repeat, a step not yet traced here)
 * rolls the batch back, and the broker offers its notes again with its backoff until their attempts are used up.
 * A partner that refuses the statuses as such (an AS4 access point that knows no delivery status answers that
 * the action or P-Mode is unknown) will refuse them every time: they are logged and dropped, and the
 * notifications' exchanges, which never wait for a status, are not affected. Each partner has its own
 * transaction, so a partner that is down holds back no other partner's statuses.
 */
public final class DeliveryStatusSender extends ServiceSupport {

    /** The partner's answers that mean "never": it does not take this message, however often it comes. */
    private static final Set<EbmsError> REFUSED_FOR_GOOD = EnumSet.of(EbmsError.VALUE_NOT_RECOGNIZED,
            EbmsError.FEATURE_NOT_SUPPORTED, EbmsError.VALUE_INCONSISTENT, EbmsError.PROCESSING_MODE_MISMATCH,
            EbmsError.FEATURE_NOT_SUPPORTED_UNPACKAGING);
    /** How long a partner's thread waits for a note before it looks whether the gateway is stopping. */
    private static final long IDLE_RECEIVE_MILLIS = 1_000;
    private static final long RECONNECT_MILLIS = 5_000;
    private static final long STOP_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusSender.class);

    private final ConnectionFactory connections;
    private final List<String> partners;
    private final DeliveryStatusDispatch dispatch;
    private final int maxStatuses;
    private final Duration linger;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param partners    the partner countries whose statuses are sent: the configured partners
     * @param maxStatuses the most statuses in one message, from 1 (each alone, as before batches)
     * @param linger      how long a batch waits for more statuses after its first
     */
    public DeliveryStatusSender(ConnectionFactory connections, Collection<String> partners,
                                DeliveryStatusDispatch dispatch, int maxStatuses, Duration linger) {
        if (maxStatuses < 1 || maxStatuses > DeliveryStatusBatch.MAX_STATUSES) {
            throw new IllegalArgumentException("a batch of delivery statuses holds 1 to "
                    + DeliveryStatusBatch.MAX_STATUSES + " statuses, not " + maxStatuses);
        }
        for (String partner : partners) {
            if (!partner.matches("[A-Z]{2}")) { // it goes into a message selector
                throw new IllegalArgumentException("partner " + partner + " is no ISO country code");
            }
        }
        this.connections = connections;
        this.partners = List.copyOf(partners);
        this.dispatch = dispatch;
        this.maxStatuses = maxStatuses;
        this.linger = linger;
    }

    @Override
    protected void doStart() {
        running = true;
        for (String partner : partners) {
            Thread thread = new Thread(() -> run(partner), "delivery-status-out-" + partner);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_MILLIS);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) { // its transaction rolls back when the broker closes its connection
                LOG.warn("{} is still sending at shutdown; its statuses are offered again after the restart",
                        thread.getName());
            }
        }
        threads.clear();
    }

    private void run(String partner) {
        while (running) {
            try (Connection connection = connections.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.DELIVERY_STATUS),
                        QueueHeaders.PARTNER + " = '" + partner + "'");
                connection.start();
                while (running) {
                    List<Message> batch = collect(consumer);
                    if (!batch.isEmpty()) {
                        send(session, partner, batch);
                    }
                }
            } catch (JMSException | RuntimeException e) {
                if (running) {
                    LOG.warn("the delivery statuses for {} cannot be read from {}; trying again in {} ms: {}", partner,
                            Queues.DELIVERY_STATUS, RECONNECT_MILLIS, String.valueOf(e));
                    pause();
                }
            }
        }
    }

    /** The first note, then whatever follows within the linger, then whatever is there already, up to the most. */
    private List<Message> collect(MessageConsumer consumer) throws JMSException {
        Message first = consumer.receive(IDLE_RECEIVE_MILLIS);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>();
        batch.add(first);
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < maxStatuses && running) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Message next = left > 0 ? consumer.receive(Math.min(left, IDLE_RECEIVE_MILLIS)) : consumer.receiveNoWait();
            if (next != null) {
                batch.add(next);
            } else if (left <= IDLE_RECEIVE_MILLIS) { // the linger is over, and nothing more is waiting
                break;
            }
        }
        return batch;
    }

    private void send(Session session, String partner, List<Message> batch) throws JMSException {
        List<DeliveryStatusDispatch.Note> notes = notes(batch, partner);
        if (notes.isEmpty()) {
            session.commit();
            return;
        }
        try {
            dispatch.send(partner, notes);
            session.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.rollback();
        } catch (Exception e) {
            if (refusedForGood(e)) {
                LOG.error("{} delivery status(es) for {} are refused for good and dropped ({}): {}", notes.size(),
                        partner, ids(notes), e.getMessage());
                session.commit();
            } else {
                logRetry(partner, notes, e);
                session.rollback();
            }
        }
    }

    /** The notes as statuses, each step once; a note that cannot be read is our own fault and is dropped. */
    private static List<DeliveryStatusDispatch.Note> notes(List<Message> batch, String partner) throws JMSException {
        List<DeliveryStatusDispatch.Note> notes = new ArrayList<>();
        Set<String> steps = new HashSet<>();
        for (Message message : batch) {
            try {
                DeliveryStatus status = DeliveryStatus.parse(message.getBody(byte[].class));
                if (steps.add(status.step())) {
                    notes.add(new DeliveryStatusDispatch.Note(status, message.getStringProperty(QueueHeaders.MRN)));
                }
            } catch (DeliveryStatusFormatException e) {
                LOG.error("the delivery status note of {} for {} cannot be read and is dropped: {}",
                        message.getStringProperty(QueueHeaders.MESSAGE_ID), partner, e.getMessage());
            }
        }
        return notes;
    }

    static boolean refusedForGood(Exception cause) {
        return cause instanceof As4Exception as4 && REFUSED_FOR_GOOD.contains(as4.error());
    }

    private static void logRetry(String partner, List<DeliveryStatusDispatch.Note> notes, Exception cause) {
        if (cause instanceof DeliveryStatusDispatch.NotYetTraced) {
            // expected now and then: a pulled notification's acknowledgement is queued before its trace step
            LOG.info("{} delivery status(es) for {} wait for a trace step ({}): {}", notes.size(), partner, ids(notes),
                    cause.getMessage());
        } else {
            LOG.warn("{} delivery status(es) for {} are not sent yet, the broker offers them again ({}): {}",
                    notes.size(), partner, ids(notes), String.valueOf(cause));
        }
    }

    /** The notifications a batch is about, for the log: the first few. */
    private static String ids(List<DeliveryStatusDispatch.Note> notes) {
        List<String> ids = notes.stream().limit(5).map(n -> n.status().refToMessageId()).toList();
        return String.join(", ", ids) + (notes.size() > ids.size() ? ", …" : "");
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
