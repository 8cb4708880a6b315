package org.c2cgateway.inbound;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.as4.ErrorSignalBuilder;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.ReceiptBuilder;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner to national queue. The HTTP edge waits for this route, and the receipt it returns is built
 * only after the notification is durably on the national queue: no receipt, no promise.
 */
public final class InboundRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:as4-inbound";
    static final String ERROR_POLICY = "inbound-error-policy";
    /** When the durable send began: the time of the QUEUED event, so that it precedes DELIVERED. */
    private static final String QUEUEING_STARTED = "c2cQueueingStarted";
    private static final Logger LOG = LoggerFactory.getLogger(InboundRoutes.class);

    private final PartnerMessageReception reception;
    private final ReceiptBuilder receipts;
    private final ErrorSignalBuilder errors;
    private final OwnIdentity self;
    private final TraceRecorder trace;

    public InboundRoutes(PartnerMessageReception reception, ReceiptBuilder receipts, ErrorSignalBuilder errors,
                         OwnIdentity self, TraceRecorder trace) {
        this.reception = reception;
        this.receipts = receipts;
        this.errors = errors;
        this.self = self;
        this.trace = trace;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("as4-inbound")
                .routeConfigurationId(ERROR_POLICY)
                .process(reception)
                .filter(header(InboundHeaders.DUPLICATE).isEqualTo(false))
                    .setProperty(QUEUEING_STARTED, Instant::now)
                    .setExchangePattern(ExchangePattern.InOnly)
                    .to(Queues.jms(Queues.IN_NATIONAL))
                    .process(this::traceQueued)
                .end()
                .process(this::answerWithReceipt);
    }

    /** Every inbound failure becomes an ebMS error signal naming its real cause; nothing is queued. */
    public RouteConfigurationBuilder errorPolicy() {
        return new RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration(ERROR_POLICY)
                        .onException(Exception.class).handled(true)
                        .process(InboundRoutes.this::answerWithError);
            }
        };
    }

    private void traceQueued(Exchange exchange) {
        trace.event(exchange.getMessage().getHeader(QueueHeaders.MESSAGE_ID, String.class), TraceEvent.QUEUED,
                exchange.getProperty(QUEUEING_STARTED, Instant.class), "on " + Queues.IN_NATIONAL);
    }

    private void answerWithReceipt(Exchange exchange) {
        InboundUserMessage received = exchange.getProperty(InboundUserMessage.class.getName(), InboundUserMessage.class);
        exchange.getMessage().setBody(receipts.build(received, self.messageKey()));
        exchange.getMessage().setHeader(InboundHeaders.CONTENT_TYPE, "application/soap+xml; charset=UTF-8");
        exchange.getMessage().setHeader(InboundHeaders.RESPONSE_STATUS, 200);
    }

    private void answerWithError(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        As4Exception error = caught instanceof As4Exception as4 ? as4
                : new As4Exception(EbmsError.OTHER, "the message could not be processed", null);
        LOG.warn("AS4 message refused with {}: {}", error.error().code(), error.detail(), caught);
        exchange.getMessage().setBody(errors.build(error));
        exchange.getMessage().setHeader(InboundHeaders.CONTENT_TYPE, "application/soap+xml; charset=UTF-8");
        exchange.getMessage().setHeader(InboundHeaders.RESPONSE_STATUS, 500);
    }
}
