package org.c2cgateway.national;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;

/**
 * The queue channel to the national system: each received notification moves from the gateway's national
 * queue to the queue the national system consumes, in one JMS transaction, so it is on exactly one of them.
 * It keeps the gateway message id as JMS property ({@link QueueHeaders#MESSAGE_ID}, the national system's
 * idempotency key) and as the broker's duplicate id on the delivery queue, so that a notification can be
 * queued there once only, and its movement's message group.
 */
public final class NationalQueueRoutes extends RouteBuilder {

    static final String ROUTE_ID = "national-queue";

    private final String deliveryQueue;
    private final TraceRecorder trace;

    public NationalQueueRoutes(String deliveryQueue, TraceRecorder trace) {
        this.deliveryQueue = deliveryQueue;
        this.trace = trace;
    }

    @Override
    public void configure() {
        from(Queues.jms(Queues.IN_NATIONAL) + "?transacted=true&concurrentConsumers=1")
                .routeId(ROUTE_ID)
                .setHeader(QueueHeaders.BROKER_DUPLICATE_ID, header(QueueHeaders.MESSAGE_ID))
                .to(Queues.jms(deliveryQueue))
                .process(this::traceDelivered);
    }

    private void traceDelivered(Exchange exchange) {
        trace.event(exchange.getMessage().getHeader(QueueHeaders.MESSAGE_ID, String.class), TraceEvent.DELIVERED,
                Instant.now(), "queued on " + deliveryQueue + " for the national system");
    }
}
