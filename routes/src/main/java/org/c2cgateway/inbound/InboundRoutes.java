package org.c2cgateway.inbound;

import java.time.Instant;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.OptionalLong;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.as4.ErrorSignalBuilder;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.ReceiptBuilder;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.Refusal;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.transport.CxfHttpsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner to national queue, on the partner-facing AS4 endpoint. The partner's HTTP request waits for
 * this route, and the receipt it gets is built only after the notification is durably on the national
 * queue: no receipt, no promise.
 */
public final class InboundRoutes extends RouteBuilder {

    static final String ERROR_POLICY = "inbound-error-policy";
    /** When the durable send began: the time of the QUEUED event, so that it precedes DELIVERED. */
    private static final String QUEUEING_STARTED = "c2cQueueingStarted";
    private static final Logger LOG = LoggerFactory.getLogger(InboundRoutes.class);

    private final Endpoint source;
    private final long maxRequestBytes;
    private final PartnerMessageReception reception;
    private final ReceiptBuilder receipts;
    private final ErrorSignalBuilder errors;
    private final CredentialsInForce credentials;
    private final TraceRecorder trace;
    private final InboundRefusals refusals;

    /**
     * @param source          where partner requests arrive: the CXF AS4 endpoint (or, in a test, any endpoint
     *                        that carries the raw request with its Content-Type header)
     * @param maxRequestBytes requests larger than this are refused before they are parsed, and, when they
     *                        declare their length, before any of their body is read
     */
    public InboundRoutes(Endpoint source, long maxRequestBytes, PartnerMessageReception reception,
                         ReceiptBuilder receipts, ErrorSignalBuilder errors, CredentialsInForce credentials,
                         TraceRecorder trace, InboundRefusals refusals) {
        this.source = source;
        this.maxRequestBytes = maxRequestBytes;
        this.reception = reception;
        this.receipts = receipts;
        this.errors = errors;
        this.credentials = credentials;
        this.trace = trace;
        this.refusals = refusals;
    }

    @Override
    public void configure() {
        from(source).routeId("as4-inbound")
                .routeConfigurationId(ERROR_POLICY)
                .streamCache(false) // Camel would read the whole request into memory before readRequest bounds it
                .process(this::readRequest)
                .process(reception)
                .filter(header(InboundHeaders.DUPLICATE).isEqualTo(false))
                    .setProperty(QUEUEING_STARTED, Instant::now)
                    .setHeader(QueueHeaders.BROKER_DUPLICATE_ID, header(QueueHeaders.MESSAGE_ID))
                    .setExchangePattern(ExchangePattern.InOnly)
                    .to(Queues.jms(Queues.IN_NATIONAL))
                    .process(this::traceQueued)
                .end()
                .process(this::answerWithReceipt);
    }

    /**
     * Every inbound failure becomes an ebMS error signal naming its real cause; nothing is queued; and the
     * refusal is traced, here and nowhere else.
     */
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

    /**
     * Takes the raw request off the transport, bounded in size, with the TLS identity it came with. A request
     * that declares a length over the limit is refused before any of it is read (the transport discards the
     * rest); one that does not is read only up to one byte past the limit.
     */
    private void readRequest(Exchange exchange) throws IOException, As4Exception {
        Message message = exchange.getMessage();
        CxfHttpsEndpoint.tlsClientCertificate(message)
                .ifPresent(certificate -> message.setHeader(InboundHeaders.TLS_CLIENT_CERTIFICATE, certificate));
        OptionalLong declared = CxfHttpsEndpoint.declaredContentLength(message);
        if (declared.isPresent() && declared.getAsLong() > maxRequestBytes) {
            throw new As4Exception(EbmsError.OTHER, "the request declares " + declared.getAsLong()
                    + " bytes, more than the maximum request size of " + maxRequestBytes + " bytes (refused before reading it)", null);
        }
        try (InputStream body = message.getBody(InputStream.class)) {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
            if (bytes.length > maxRequestBytes) {
                throw new As4Exception(EbmsError.OTHER, "the request exceeds the maximum request size of "
                        + maxRequestBytes + " bytes (reading stopped there)", null);
            }
            message.setBody(bytes);
        }
    }

    /**
     * A repeat of the same envelope gets the receipt its first reception got, byte for byte. Otherwise
     * the new receipt is kept in the trace before it is returned (the notification is already on the
     * national queue by then), so that every later repeat, on any node, gets the same bytes; if keeping
     * it fails, the partner gets an error and its retry ends here again, not on the national queue.
     * A sender that signed the message anew for its retry gets a receipt for that envelope, since the
     * first one's digests would not match; it is not kept, the first receipt stays the evidence.
     */
    private void answerWithReceipt(Exchange exchange) {
        InboundUserMessage received = exchange.getProperty(InboundUserMessage.class.getName(), InboundUserMessage.class);
        if (exchange.getMessage().getHeader(InboundHeaders.DELIVERY_STATUS) != null) { // its evidence is the status itself
            answer(exchange.getMessage(), 200, receipts.build(received,
                    credentials.current().keys().ownKeys().requireSigningKey(received.suite())));
            return;
        }
        byte[] sentBefore = exchange.getProperty(PartnerMessageReception.SENT_RECEIPT, byte[].class);
        if (sentBefore != null && receipts.acknowledges(sentBefore, received)) {
            answer(exchange.getMessage(), 200, sentBefore);
            return;
        }
        byte[] receipt = receipts.build(received,
                credentials.current().keys().ownKeys().requireSigningKey(received.suite()));
        answer(exchange.getMessage(), 200, sentBefore != null ? receipt
                : kept(trace.keepSentReceipt(received.message().messageId(), receipt), receipt, received));
    }

    /** The receipt kept first (perhaps by another node) when it fits this envelope, else the one just built. */
    private byte[] kept(byte[] first, byte[] built, InboundUserMessage received) {
        return Arrays.equals(first, built) || receipts.acknowledges(first, received) ? first : built;
    }

    /** Only what this gateway means to say goes back: none of the request's or the queue's headers. */
    private static void answer(Message message, int status, byte[] envelope) {
        message.removeHeaders("*");
        message.setBody(envelope);
        message.setHeader(Exchange.CONTENT_TYPE, "application/soap+xml; charset=UTF-8");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }

    private void answerWithError(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        As4Exception error = caught instanceof As4Exception as4 ? as4
                : new As4Exception(EbmsError.OTHER, "the message could not be processed", null);
        try {
            refusals.refused(exchange, error, caught);
        } catch (RuntimeException e) { // the partner gets its answer even when the trace store is down
            LOG.error("AS4 refusal with {} could not be traced: {}", error.error().code(), error.detail(), e);
        }
        answer(exchange.getMessage(), 500, errors.build(quotable(error)));
    }

    /** The error with its detail cut to a bounded length: details quote what the sender sent. */
    private static As4Exception quotable(As4Exception error) {
        String detail = Refusal.bounded(error.detail(), Refusal.MAX_REASON);
        return detail == null || detail.equals(error.detail()) ? error
                : new As4Exception(error.error(), detail, error.refToMessageId());
    }
}
