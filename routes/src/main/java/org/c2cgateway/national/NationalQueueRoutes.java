package org.c2cgateway.national;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.status.DeliveryStatus;
import org.c2cgateway.status.DeliveryStatusOutbox;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;

/**
 * The queue channel to the national system: each received notification moves from the gateway's national
 * queue to the queue the national system consumes, in one JMS transaction, so it is on exactly one of them.
 * It keeps the gateway message id as JMS property ({@link QueueHeaders#MESSAGE_ID}, the national system's
 * idempotency key) and as the broker's duplicate id on the delivery queue, so that a notification can be
 * queued there once only, and its movement's message group. Being on that queue is the national system
 * taking it (the gateway cannot see further): in the same transaction, a delivery status is noted for the sender.
 */
public final class NationalQueueRoutes extends RouteBuilder {

    static final String ROUTE_ID = "national-queue";

    private final String deliveryQueue;
    private final TraceRecorder trace;
    private final DeliveryStatusOutbox statuses;

    public NationalQueueRoutes(String deliveryQueue, TraceRecorder trace, DeliveryStatusOutbox statuses) {
        this.deliveryQueue = deliveryQueue;
        this.trace = trace;
        this.statuses = statuses;
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
        Instant delivered = DeliveryStatusOutbox.stepTime();
        trace.event(exchange.getMessage().getHeader(QueueHeaders.MESSAGE_ID, String.class), TraceEvent.DELIVERED,
                delivered, "queued on " + deliveryQueue + " for the national system");
        statuses.note(exchange, DeliveryStatus.Kind.DELIVERED, delivered, "QUEUE");
    }
}
