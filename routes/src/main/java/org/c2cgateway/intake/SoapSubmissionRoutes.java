package org.c2cgateway.intake;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SOAP channel: {@code SubmitNotification} requests go through the shared intake route, so they
 * are validated, deduplicated, queued and traced exactly like REST submissions; the response is sent
 * only after the notification is on its partner's durable queue. A rejection is a {@code Client} fault
 * listing every finding; a failure of the gateway is a {@code Server} fault, after which submitting again
 * is safe (a duplicate is answered with the original gateway message id).
 */
public final class SoapSubmissionRoutes extends RouteBuilder {

    public static final String CHANNEL = "SOAP";
    private static final Logger LOG = LoggerFactory.getLogger(SoapSubmissionRoutes.class);

    private final Endpoint source;
    private final long maxRequestBytes;

    /**
     * @param source          the CXF endpoint (RAW) or, in a test, any endpoint carrying the request bytes
     * @param maxRequestBytes requests larger than this are refused unparsed
     */
    public SoapSubmissionRoutes(Endpoint source, long maxRequestBytes) {
        this.source = source;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(this::answerWithServerFault);

        // doCatch, not onException: the intake route has already seen the rejection, and Camel's error
        // handlers do not handle an exception twice
        from(source).routeId("soap-intake")
                .doTry()
                    .process(this::readRequest)
                    .to(IntakeRoutes.ENDPOINT)
                    .process(exchange -> answer(exchange.getMessage(), 200,
                            SoapSubmissionEnvelope.response(SubmissionOutcome.accepted(exchange.getMessage()))))
                .doCatch(NotificationRejectedException.class)
                    .process(exchange -> answer(exchange.getMessage(), 500, SoapSubmissionEnvelope.rejectionFault(
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, NotificationRejectedException.class).findings())))
                .end();
    }

    /** Bounded in size, then the notification out of its envelope, with none of the request's headers. */
    private void readRequest(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        byte[] request;
        try (InputStream body = message.getBody(InputStream.class)) {
            request = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
        }
        if (request.length > maxRequestBytes) {
            throw SoapSubmissionEnvelope.rejected("/", "LIMIT:request-size",
                    "the SOAP request exceeds the limit of " + maxRequestBytes + " bytes");
        }
        message.removeHeaders("*"); // HTTP headers must not pass for the intake's own (c2c...) headers
        message.setBody(SoapSubmissionEnvelope.notification(request));
        message.setHeader(IntakeHeaders.CHANNEL, CHANNEL);
    }

    private void answerWithServerFault(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("SOAP submission failed; nothing was accepted", caught);
        answer(exchange.getMessage(), 500, SoapSubmissionEnvelope.fault(false,
                "the gateway could not confirm the submission; submit it again (if it was accepted after all, "
                        + "the answer names its original gateway message id)", null));
    }

    private static void answer(Message message, int status, byte[] envelope) {
        message.removeHeaders("*");
        message.setBody(envelope);
        message.setHeader(Exchange.CONTENT_TYPE, SoapSubmissionEnvelope.CONTENT_TYPE);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }
}
