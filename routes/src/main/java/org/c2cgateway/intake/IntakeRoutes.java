package org.c2cgateway.intake;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;

/**
 * National system to partner queues. The caller waits for this route: when it returns, the notification is
 * on each receiver's durable queue, so answering 202 is a promise kept. Should the node stop between two
 * receivers' queues, the national system gets no answer and resubmits; the intake then queues the receivers
 * not queued yet (accepted, never queued) and answers the others as duplicates.
 */
public final class IntakeRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:intake";
    /**
     * When the durable send began. The QUEUED event carries this time, not the time the send
     * returned: the partner route may already be sending by then, and the timeline must stay in order.
     */
    static final String QUEUEING_STARTED = "c2cQueueingStarted";

    private final NotificationIntake intake;
    private final TraceRecorder trace;

    public IntakeRoutes(NotificationIntake intake, TraceRecorder trace) {
        this.intake = intake;
        this.trace = trace;
    }

    @Override
    public void configure() {
        // A rejection is an answer to the national system, not a failure of the gateway: no error log.
        onException(NotificationRejectedException.class).handled(false).logExhausted(false).logStackTrace(false);

        from(ENDPOINT).routeId("intake")
                .process(intake)
                .split(exchangeProperty(NotificationIntake.OUTGOING)).stopOnException() // one message per receiver
                    .process(exchange -> exchange.getMessage().getBody(Outgoing.class).prepare(exchange.getMessage()))
                    .setProperty(QUEUEING_STARTED, Instant::now)
                    .setExchangePattern(ExchangePattern.InOnly)
                    .toD("${header." + NotificationIntake.TARGET_QUEUE + "}")
                    .process(this::traceQueued)
                .end()
                .process(intake::queued)
                .removeHeaders(NotificationIntake.TARGET_QUEUE + "|" + QueueHeaders.BROKER_DUPLICATE_ID);
    }

    private void traceQueued(Exchange exchange) {
        Message message = exchange.getMessage();
        trace.event(message.getHeader(QueueHeaders.MESSAGE_ID, String.class), TraceEvent.QUEUED,
                exchange.getProperty(QUEUEING_STARTED, Instant.class),
                "on " + Queues.outbound(message.getHeader(QueueHeaders.PARTNER, String.class)));
    }
}
