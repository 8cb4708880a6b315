package org.c2cgateway.delivery;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a message whose time is up to its queue's dead-letter queue from the consuming route, in the
 * route's JMS transaction: the send to the dead-letter address and the removal from the queue commit
 * together, so the message is in exactly one of the two. The message is labelled as the broker labels
 * the dead letters it moves itself, so that both kinds land in the same dead-letter queue
 * ({@code DLQ.<queue>}, filtered on the original address) and are listed and replayed alike.
 */
public final class DeadLettering {

    /** The exchange property set when the message is to be dead-lettered now. */
    private static final String NOW = "c2cDeadLetterNow";
    /** Set once the failed attempt was recorded and judged. */
    private static final String JUDGED = "c2cFailureJudged";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLettering.class);
    /** Artemis' property for a dead letter's original address, which the dead-letter queues filter on. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    /** The JMS message id of the consumed message, the same on every delivery of it. */
    private static final String JMS_MESSAGE_ID = "JMSMessageID";
    private static final String JMS_TIMESTAMP = "JMSTimestamp";
    /** The route's count of send attempts, for this delivery. */
    private static final String SEND_ATTEMPT = "c2cSendAttempt";
    /** Camel's header overriding the destination of a JMS endpoint for one message. */
    private static final String DESTINATION = "CamelJmsDestinationName";

    private final String deadLetterAddress;

    public DeadLettering(String deadLetterAddress) {
        this.deadLetterAddress = deadLetterAddress;
    }

    /** What becomes of a message whose attempt just failed. */
    public enum Verdict {
        /** Rolled back; the broker offers it again after the policy's backoff. */
        RETRY,
        /** The attempt cap is reached: the route moves it to the dead letters, in its transaction. */
        LAST_ATTEMPT,
        /** Its time-to-live is used up: the route moves it to the dead letters, in its transaction. */
        OUT_OF_TIME
    }

    /**
     * The error policy of a route that consumes a queue in a transaction and delivers somewhere: the
     * {@code failure} step records the failed attempt and takes the {@link #afterFailure verdict}; a message out
     * of time then goes to the dead-letter address and the transaction commits, any other rolls back.
     */
    public RouteConfigurationBuilder errorPolicy(String id, Processor failure) {
        String endpoint = Queues.jms(deadLetterAddress);
        // Camel asks whether the failure is handled before it runs the steps below, so the verdict is
        // taken in that question, once, and the steps only act on it.
        Predicate outOfTime = exchange -> {
            if (exchange.getProperty(JUDGED) == null) {
                exchange.setProperty(JUDGED, true);
                try {
                    failure.process(exchange);
                } catch (Exception e) { // NOSONAR: a failure to judge leaves the message to the broker's retries
                    LOG.error("could not judge the failed attempt of {}: {}", exchange.getMessage()
                            .getHeader(QueueHeaders.MESSAGE_ID), e.toString(), e);
                }
            }
            return Boolean.TRUE.equals(exchange.getProperty(NOW));
        };
        return new RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration(id)
                        .onException(Exception.class)
                            .handled(outOfTime).logExhausted(false)
                            .filter(outOfTime)
                                .to(endpoint)
                            .end()
                        .end();
            }
        };
    }

    /** The exception of a failed exchange, whether or not Camel has moved it aside for its error handler yet. */
    public static Exception failureOf(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return caught != null ? caught : exchange.getException();
    }

    /**
     * Judges failed send attempt number {@code attempt} of a message consumed from {@code queue} by its retry
     * policy; a message given up is labelled for the dead-letter queue and its exchange marked for the error
     * policy.
     */
    public Verdict afterFailure(Exchange exchange, RetryPolicy retry, String queue, int attempt) {
        Message message = exchange.getMessage();
        Verdict verdict = retry.outOfTime(attempt, queuedAt(message), Instant.now()) ? Verdict.OUT_OF_TIME
                : retry.lastAttempt(attempt) ? Verdict.LAST_ATTEMPT : Verdict.RETRY;
        if (verdict != Verdict.RETRY) {
            label(message, queue);
            exchange.setProperty(NOW, true);
        }
        return verdict;
    }

    /** Why a message is given up, for the trace. */
    public static String reason(Verdict verdict, RetryPolicy retry, Message message, String failedAttempt) {
        return switch (verdict) {
            case OUT_OF_TIME -> "time-to-live " + retry.timeToLive() + " since queued at " + queuedAt(message)
                    + " used up, after " + failedAttempt;
            case LAST_ATTEMPT -> "all " + retry.maxAttempts() + " attempts failed, the last: " + failedAttempt;
            case RETRY -> failedAttempt;
        };
    }

    /**
     * Labels the consumed message for the dead-letter queue of {@code queue}. Its broker duplicate id is that
     * of this very queued copy: a replayed and again dead-lettered notification is a new copy and is kept.
     */
    private void label(Message message, String queue) {
        // by its fully qualified name: on the plain address, the broker could route it to another dead-letter queue
        message.setHeader(DESTINATION, deadLetterAddress + "::" + Queues.deadLetterOf(queue));
        message.setHeader(ORIGINAL_ADDRESS, queue);
        message.setHeader(QueueHeaders.BROKER_DUPLICATE_ID, message.getHeader(QueueHeaders.MESSAGE_ID, String.class)
                + "/dead-letter/" + message.getHeader(JMS_MESSAGE_ID, String.class));
    }

    /**
     * When the message was put on the queue it is consumed from (the broker's timestamp of that send, which
     * a replay renews), else when the gateway accepted it.
     */
    public static Instant queuedAt(Message message) {
        Long timestamp = message.getHeader(JMS_TIMESTAMP, Long.class);
        if (timestamp == null || timestamp == 0) {
            timestamp = message.getHeader(QueueHeaders.ACCEPTED_AT, Long.class);
        }
        return timestamp == null ? Instant.now() : Instant.ofEpochMilli(timestamp);
    }

    /**
     * Which send attempt this delivery is: as {@linkplain #countAttempt counted} by the route, else the
     * broker's delivery count.
     */
    public static int attempt(Message message) {
        Integer attempt = message.getHeader(SEND_ATTEMPT, Integer.class);
        return attempt != null ? attempt : deliveryCount(message);
    }

    /** Notes on the message which send attempt this delivery is, the deliveries held back by {@code order} left out. */
    public static void countAttempt(Message message, GroupOrder order) {
        message.setHeader(SEND_ATTEMPT, order.attempt(message.getHeader(QueueHeaders.MESSAGE_ID, String.class),
                deliveryCount(message)));
    }

    /** How often the broker has offered this message, counting this time. */
    private static int deliveryCount(Message message) {
        Integer count = message.getHeader(QueueHeaders.DELIVERY_COUNT, Integer.class);
        return count == null ? 1 : count;
    }
}
