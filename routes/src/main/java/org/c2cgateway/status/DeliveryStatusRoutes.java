package org.c2cgateway.status;

import java.util.EnumSet;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.delivery.DeadLettering;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the noted delivery statuses back to the partners, read from their own queue in a JMS transaction.
 * A failure that may pass (the partner unreachable, an error it may not repeat, the step not yet traced here)
 * rolls back, and the broker offers the status again with its backoff until its attempts are used up. A
 * partner that refuses the status as such (an AS4 access point that knows no delivery status answers that the
 * action or P-Mode is unknown) will refuse it every time: the status is logged and dropped, and the
 * notification's exchange, which never waits for a status, is not affected.
 */
public final class DeliveryStatusRoutes extends RouteBuilder {

    static final String ROUTE_ID = "delivery-status-out";
    private static final String ERROR_POLICY = "delivery-status-error-policy";
    /** The partner's answers that mean "never": it does not take this message, however often it comes. */
    private static final Set<EbmsError> REFUSED_FOR_GOOD = EnumSet.of(EbmsError.VALUE_NOT_RECOGNIZED,
            EbmsError.FEATURE_NOT_SUPPORTED, EbmsError.VALUE_INCONSISTENT, EbmsError.PROCESSING_MODE_MISMATCH,
            EbmsError.FEATURE_NOT_SUPPORTED_UNPACKAGING);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusRoutes.class);

    private final DeliveryStatusDispatch dispatch;

    public DeliveryStatusRoutes(DeliveryStatusDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public void configure() {
        from(Queues.jms(Queues.DELIVERY_STATUS) + "?transacted=true&concurrentConsumers=1")
                .routeId(ROUTE_ID)
                .routeConfigurationId(ERROR_POLICY)
                .process(dispatch);
    }

    /** Drops a status the partner refuses for good; rolls any other failure back for the broker to retry. */
    public RouteConfigurationBuilder errorPolicy() {
        return new RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration(ERROR_POLICY)
                        .onException(Exception.class)
                            .handled(DeliveryStatusRoutes::refusedForGood).logExhausted(false)
                            .process(DeliveryStatusRoutes::logFailure)
                        .end();
            }
        };
    }

    static boolean refusedForGood(Exchange exchange) {
        Exception cause = DeadLettering.failureOf(exchange);
        return cause instanceof DeliveryStatusFormatException
                || cause instanceof As4Exception as4 && REFUSED_FOR_GOOD.contains(as4.error());
    }

    private static void logFailure(Exchange exchange) {
        Exception cause = DeadLettering.failureOf(exchange);
        String messageId = exchange.getMessage().getHeader(QueueHeaders.MESSAGE_ID, String.class);
        String partner = exchange.getMessage().getHeader(QueueHeaders.PARTNER, String.class);
        if (refusedForGood(exchange)) {
            LOG.error("the delivery status of {} for {} is refused for good and dropped: {}", messageId, partner,
                    cause.getMessage());
        } else if (cause instanceof DeliveryStatusDispatch.NotYetTraced) {
            // expected: a pulled notification's acknowledgement is queued before its trace step is written
            LOG.info("the delivery status of {} for {} waits for its trace step: {}", messageId, partner,
                    cause.getMessage());
        } else {
            LOG.warn("the delivery status of {} for {} is not sent yet, the broker offers it again: {}", messageId,
                    partner, String.valueOf(cause));
        }
    }
}
