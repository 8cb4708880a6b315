package org.c2cgateway.outbound;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.c2cgateway.delivery.DeadLettering;
import org.c2cgateway.delivery.GroupOrder;
import org.c2cgateway.delivery.RetryPolicy;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.DeliveryAttempt;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consuming route per partner queue, so a partner that is down never holds up another. The queue
 * is read in a JMS transaction: a failed send rolls back and the broker's redelivery settings for that
 * partner (backoff with jitter) decide when it is tried again. The routes enforce each partner's total
 * time-to-live (and optional attempt cap): a notification whose time is up goes to the partner's
 * dead-letter queue in the same transaction, with the reason in the trace. A notification that ends in
 * the dead-letter queue is FAILED in the trace, never silently gone.
 * <p>
 * Every outcome also feeds the partner's circuit breaker, which pauses the partner's route while the
 * partner is down, and the partner's {@link GroupOrder}, which keeps a movement's notifications in order
 * through retries.
 */
public final class OutboundRoutes extends RouteBuilder {

    static final String ERROR_POLICY = "outbound-error-policy";
    private static final String ROUTE_PREFIX = "outbound-";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundRoutes.class);

    private final PartnerDirectory partners;
    private final PartnerDispatch dispatch;
    private final TraceRecorder trace;
    private final int consumersPerPartner;
    private final Function<String, RetryPolicy> retries;
    private final DeadLettering deadLettering;
    private final PartnerCircuits circuits;
    /** Per partner: each movement's notifications in order through retries. */
    private final Map<String, GroupOrder> orders = new ConcurrentHashMap<>();

    /**
     * @param retries       each partner's retry policy, by country (the broker must apply the same backoff)
     * @param deadLettering where notifications whose time is up go
     * @param circuits      the partners' circuit breakers, told of every outcome
     */
    public OutboundRoutes(PartnerDirectory partners, PartnerDispatch dispatch, TraceRecorder trace,
                          int consumersPerPartner, Function<String, RetryPolicy> retries, DeadLettering deadLettering,
                          PartnerCircuits circuits) {
        this.partners = partners;
        this.dispatch = dispatch;
        this.trace = trace;
        this.consumersPerPartner = consumersPerPartner;
        this.retries = retries;
        this.deadLettering = deadLettering;
        this.circuits = circuits;
    }

    /** The id of the route consuming a partner's queue. */
    public static String routeId(String partnerCountry) {
        return ROUTE_PREFIX + partnerCountry;
    }

    @Override
    public void configure() {
        for (Partner partner : partners.all()) {
            GroupOrder order = orders.computeIfAbsent(partner.country(), country -> new GroupOrder());
            from(Queues.jms(Queues.outbound(partner.country())) + "?transacted=true&concurrentConsumers=" + consumersPerPartner)
                    .routeId(routeId(partner.country()))
                    .routeConfigurationId(ERROR_POLICY)
                    .process(exchange -> {
                        order.admit(group(exchange), messageId(exchange));
                        DeadLettering.countAttempt(exchange.getMessage(), order);
                    })
                    .process(dispatch)
                    .process(exchange -> {
                        order.done(group(exchange), messageId(exchange));
                        circuits.succeeded(partner.country());
                    });
        }
    }

    /**
     * The error policy of every outbound route: trace the failed attempt and tell the circuit breaker; then
     * either dead-letter the notification in the route's transaction (its time is up) or let the
     * transaction roll back for the broker to offer it again.
     */
    public RouteConfigurationBuilder errorPolicy() {
        return deadLettering.errorPolicy(ERROR_POLICY, this::recordFailedAttempt);
    }

    private void recordFailedAttempt(Exchange exchange) {
        Exception cause = DeadLettering.failureOf(exchange);
        Message message = exchange.getMessage();
        String messageId = messageId(exchange);
        String partner = message.getHeader(QueueHeaders.PARTNER, String.class);
        if (cause instanceof GroupOrder.HeldBack held) {
            LOG.debug("not sending yet: {}", held.getMessage());
            return;
        }
        GroupOrder order = orders.get(partner);
        order.failed(group(exchange), messageId);
        int attempt = DeadLettering.attempt(message);
        String detail = DeliveryAttempt.note(attempt) + ": " + describe(cause);
        trace.event(messageId, TraceEvent.SEND_FAILED, Instant.now(), detail);
        circuits.failed(partner, detail);
        RetryPolicy retry = retries.apply(partner);
        DeadLettering.Verdict verdict = deadLettering.afterFailure(exchange, retry, Queues.outbound(partner), attempt);
        if (verdict == DeadLettering.Verdict.RETRY) {
            LOG.warn("sending {} to {} failed, the broker will offer it again in about {}: {}", messageId,
                    partner, retry.delayAfter(attempt), detail);
            return;
        }
        String reason = DeadLettering.reason(verdict, retry, message, detail);
        LOG.error("sending {} to {} failed for the last time, moving it to {}: {}", messageId, partner,
                Queues.deadLetter(partner), reason);
        trace.event(messageId, TraceEvent.DEAD_LETTERED, Instant.now(), reason);
        order.done(group(exchange), messageId);
    }

    private static String messageId(Exchange exchange) {
        return exchange.getMessage().getHeader(QueueHeaders.MESSAGE_ID, String.class);
    }

    private static String group(Exchange exchange) {
        return exchange.getMessage().getHeader(QueueHeaders.GROUP, String.class);
    }

    /** The failure in one line: its type, and the first message found down the cause chain. */
    private static String describe(Exception cause) {
        if (cause == null) {
            return "unknown failure";
        }
        String message = null;
        for (Throwable t = cause; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
