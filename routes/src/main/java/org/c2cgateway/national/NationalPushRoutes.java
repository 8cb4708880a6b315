package org.c2cgateway.national;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.c2cgateway.delivery.DeadLettering;
import org.c2cgateway.delivery.GroupOrder;
import org.c2cgateway.delivery.RetryPolicy;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.status.DeliveryStatus;
import org.c2cgateway.status.DeliveryStatusOutbox;
import org.c2cgateway.trace.DeliveryAttempt;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.transport.NationalWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push channel to the national system: each received notification is POSTed to the national webhook,
 * read from the national queue in a JMS transaction that commits only on a 2xx answer. A failed push rolls
 * back and the broker offers it again with the push channel's backoff; when its time-to-live is used up it
 * moves, in the same transaction, to the national dead-letter queue. At least once, so every push carries
 * the gateway message id in {@value #MESSAGE_ID_HEADER}: the national system's idempotency key.
 * <p>
 * One consumer, so that the national system receives the notifications in the order they were queued;
 * a {@link GroupOrder} keeps a movement's notifications in that order through retries. A push the webhook
 * accepted is the national system taking the notification: in the same transaction, a delivery status is noted
 * for the sender.
 */
public final class NationalPushRoutes extends RouteBuilder {

    /** The idempotency key of a push: the same on every retry, and the same id the partner sent. */
    public static final String MESSAGE_ID_HEADER = "C2C-Message-Id";
    static final String ROUTE_ID = "national-push";
    private static final String ERROR_POLICY = "national-push-error-policy";
    private static final Logger LOG = LoggerFactory.getLogger(NationalPushRoutes.class);

    private final NationalWebhook webhook;
    private final RetryPolicy retry;
    private final DeadLettering deadLettering;
    private final TraceRecorder trace;
    private final DeliveryStatusOutbox statuses;
    private final GroupOrder order = new GroupOrder();

    public NationalPushRoutes(NationalWebhook webhook, RetryPolicy retry, DeadLettering deadLettering,
                              TraceRecorder trace, DeliveryStatusOutbox statuses) {
        this.webhook = webhook;
        this.retry = retry;
        this.deadLettering = deadLettering;
        this.trace = trace;
        this.statuses = statuses;
    }

    @Override
    public void configure() {
        from(Queues.jms(Queues.IN_NATIONAL) + "?transacted=true&concurrentConsumers=1")
                .routeId(ROUTE_ID)
                .routeConfigurationId(ERROR_POLICY)
                .process(exchange -> {
                    order.admit(group(exchange.getMessage()), messageId(exchange.getMessage()));
                    DeadLettering.countAttempt(exchange.getMessage(), order);
                })
                .process(this::push)
                .process(exchange -> order.done(group(exchange.getMessage()), messageId(exchange.getMessage())));
    }

    /** Trace the failed push; dead-letter it in the transaction when its time is up, else roll back. */
    public RouteConfigurationBuilder errorPolicy() {
        return deadLettering.errorPolicy(ERROR_POLICY, this::recordFailedPush);
    }

    private void push(Exchange exchange) throws IOException, InvalidPayloadException {
        Message message = exchange.getMessage();
        String messageId = message.getHeader(QueueHeaders.MESSAGE_ID, String.class);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MESSAGE_ID_HEADER, messageId);
        copy(message, QueueHeaders.NATIONAL_MESSAGE_ID, "C2C-National-Message-Id", headers);
        copy(message, QueueHeaders.MRN, "C2C-MRN", headers);
        copy(message, QueueHeaders.TYPE, "C2C-Type", headers);
        copy(message, QueueHeaders.PARTNER, "C2C-From", headers);
        int status = webhook.post(message.getMandatoryBody(byte[].class), "application/xml", headers);
        Instant delivered = DeliveryStatusOutbox.stepTime();
        trace.event(messageId, TraceEvent.DELIVERED, delivered, "pushed to " + webhook.url() + ", attempt "
                + DeadLettering.attempt(message) + ", HTTP " + status);
        statuses.note(exchange, DeliveryStatus.Kind.DELIVERED, delivered, "PUSH");
    }

    private void recordFailedPush(Exchange exchange) {
        Exception cause = DeadLettering.failureOf(exchange);
        Message message = exchange.getMessage();
        String messageId = messageId(message);
        if (cause instanceof GroupOrder.HeldBack held) {
            LOG.debug("not pushing yet: {}", held.getMessage());
            return;
        }
        order.failed(group(message), messageId);
        int attempt = DeadLettering.attempt(message);
        String detail = DeliveryAttempt.note(attempt) + ": " + cause;
        trace.event(messageId, TraceEvent.NATIONAL_DELIVERY_FAILED, Instant.now(), detail);
        DeadLettering.Verdict verdict = deadLettering.afterFailure(exchange, retry, Queues.IN_NATIONAL, attempt);
        if (verdict == DeadLettering.Verdict.RETRY) {
            LOG.warn("pushing {} to the national system failed, trying again in about {}: {}", messageId,
                    retry.delayAfter(attempt), detail);
            return;
        }
        String reason = DeadLettering.reason(verdict, retry, message, detail);
        LOG.error("pushing {} to the national system failed for the last time, moving it to {}: {}", messageId,
                Queues.deadLetterOf(Queues.IN_NATIONAL), reason);
        trace.event(messageId, TraceEvent.NATIONAL_DEAD_LETTERED, Instant.now(), reason);
        order.done(group(message), messageId);
    }

    private static String messageId(Message message) {
        return message.getHeader(QueueHeaders.MESSAGE_ID, String.class);
    }

    private static String group(Message message) {
        return message.getHeader(QueueHeaders.GROUP, String.class);
    }

    private static void copy(Message message, String property, String header, Map<String, String> headers) {
        String value = message.getHeader(property, String.class);
        if (value != null) {
            headers.put(header, value);
        }
    }
}
