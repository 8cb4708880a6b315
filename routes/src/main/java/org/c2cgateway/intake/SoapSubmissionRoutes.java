package org.c2cgateway.intake;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.c2cgateway.transport.CxfHttpsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SOAP channel: {@code SubmitNotification} requests go through the shared intake route, so they
 * are validated, deduplicated, queued and traced exactly like REST submissions; the response is sent
 * only after the notification is on its partner's durable queue. A rejection is a {@code Client} fault
 * listing every finding; a failure of the gateway is a {@code Server} fault, after which submitting again
 * is safe (a duplicate is answered with the original gateway message id).
 *
 * <p>Before anything is read, the {@link SubmitterCheck} decides on the request's credentials: an unknown
 * submitter gets 401 with a {@code WWW-Authenticate} challenge, one that may not submit here 403, each
 * with a {@code Client} fault that says what is missing.
 */
public final class SoapSubmissionRoutes extends RouteBuilder {

    public static final String CHANNEL = "SOAP";
    private static final Logger LOG = LoggerFactory.getLogger(SoapSubmissionRoutes.class);

    private final Endpoint source;
    private final long maxRequestBytes;
    private final SubmitterCheck submitters;

    /**
     * @param source          the CXF endpoint (RAW) or, in a test, any endpoint carrying the request bytes
     * @param maxRequestBytes requests larger than this are refused unparsed
     * @param submitters      who may submit
     */
    public SoapSubmissionRoutes(Endpoint source, long maxRequestBytes, SubmitterCheck submitters) {
        this.source = source;
        this.maxRequestBytes = maxRequestBytes;
        this.submitters = submitters;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(this::answerWithServerFault);

        // doCatch, not onException: the intake route has already seen the rejection, and Camel's error
        // handlers do not handle an exception twice
        from(source).routeId("soap-intake")
                .doTry()
                    .process(this::checkSubmitter)
                    .process(this::readRequest)
                    .to(IntakeRoutes.ENDPOINT)
                    .process(exchange -> answer(exchange.getMessage(), 200,
                            SoapSubmissionEnvelope.response(SubmissionOutcome.accepted(exchange.getMessage()))))
                .doCatch(NotificationRejectedException.class)
                    .process(exchange -> answer(exchange.getMessage(), 500, SoapSubmissionEnvelope.rejectionFault(
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, NotificationRejectedException.class).findings())))
                .doCatch(SubmitterRefusedException.class)
                    .process(this::refusal)
                .end();
    }

    private void checkSubmitter(Exchange exchange) {
        Message request = exchange.getMessage();
        SubmitterCheck.Verdict verdict = submitters.check(CxfHttpsEndpoint.requestHeader(request, "Authorization"),
                CxfHttpsEndpoint.tlsClientCertificate(request));
        if (verdict.outcome() != SubmitterCheck.Outcome.ALLOWED) {
            throw new SubmitterRefusedException(verdict);
        }
    }

    private void refusal(Exchange exchange) {
        SubmitterCheck.Verdict verdict = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, SubmitterRefusedException.class).verdict();
        boolean unknown = verdict.outcome() == SubmitterCheck.Outcome.UNAUTHENTICATED;
        LOG.warn("refused a SOAP submission: {}", verdict.reason());
        answer(exchange.getMessage(), unknown ? 401 : 403, SoapSubmissionEnvelope.fault(true, verdict.reason(), null));
        if (unknown) {
            exchange.getMessage().setHeader("WWW-Authenticate", verdict.challenge());
        }
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
