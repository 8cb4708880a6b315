package org.c2cgateway.outbound;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consuming route per partner queue, so a partner that is down never holds up another. The queue
 * is read in a JMS transaction: a failed send rolls back and the broker's redelivery policy (backoff,
 * then the partner's dead-letter queue) decides what happens next. The routes know the broker's
 * delivery limit only to trace the last failed attempt as a dead letter: a notification that ends in
 * the dead-letter queue is FAILED in the trace, never silently gone.
 */
public final class OutboundRoutes extends RouteBuilder {

    static final String ERROR_POLICY = "outbound-error-policy";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundRoutes.class);

    private final PartnerDirectory partners;
    private final PartnerDispatch dispatch;
    private final TraceRecorder trace;
    private final int consumersPerPartner;
    private final int maxDeliveryAttempts;

    /**
     * @param maxDeliveryAttempts the broker's delivery limit on the partner queues, after which it moves a
     *                            notification to the partner's dead-letter queue (must match the broker's setting)
     */
    public OutboundRoutes(PartnerDirectory partners, PartnerDispatch dispatch, TraceRecorder trace,
                          int consumersPerPartner, int maxDeliveryAttempts) {
        this.partners = partners;
        this.dispatch = dispatch;
        this.trace = trace;
        this.consumersPerPartner = consumersPerPartner;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    @Override
    public void configure() {
        for (Partner partner : partners.all()) {
            from(Queues.jms(Queues.outbound(partner.country())) + "?transacted=true&concurrentConsumers=" + consumersPerPartner)
                    .routeId("outbound-" + partner.country())
                    .routeConfigurationId(ERROR_POLICY)
                    .process(dispatch);
        }
    }

    /**
     * The error policy of every outbound route: trace the failed attempt (and, after the last one, that the
     * broker dead-letters the notification), then let the transaction roll back.
     */
    public RouteConfigurationBuilder errorPolicy() {
        return new RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration(ERROR_POLICY)
                        .onException(Exception.class).handled(false).logExhausted(false)
                        .process(OutboundRoutes.this::traceFailedAttempt);
            }
        };
    }

    private void traceFailedAttempt(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String messageId = exchange.getMessage().getHeader(QueueHeaders.MESSAGE_ID, String.class);
        Object partner = exchange.getMessage().getHeader(QueueHeaders.PARTNER);
        int attempt = PartnerDispatch.attempt(exchange.getMessage());
        String detail = "attempt " + attempt + ": " + describe(cause);
        trace.event(messageId, TraceEvent.SEND_FAILED, Instant.now(), detail);
        if (maxDeliveryAttempts > 0 && attempt >= maxDeliveryAttempts) {
            LOG.error("sending {} to {} failed for the last time, the broker moves it to {}: {}", messageId, partner,
                    Queues.deadLetter(String.valueOf(partner)), detail);
            trace.event(messageId, TraceEvent.DEAD_LETTERED, Instant.now(), "after " + detail);
        } else {
            LOG.warn("sending {} to {} failed, the broker will offer it again: {}", messageId, partner, detail);
        }
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
