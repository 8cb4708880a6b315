package org.c2cgateway.outbound;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.Receipt;
import org.c2cgateway.as4.ReceiptVerifier;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.delivery.DeadLettering;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.security.Certificates;
import org.c2cgateway.trace.DeliveryAttempt;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.trace.TraceStep;
import org.c2cgateway.transport.PartnerTransport;

/**
 * Sends one queued notification to its partner and completes only when the partner's signed receipt
 * has been checked against what was signed. Any failure is thrown, so the queue keeps the message
 * and the broker offers it again later.
 */
public final class PartnerDispatch implements Processor {

    private final CredentialsInForce credentials;
    private final OwnIdentity self;
    private final PartnerSend send;
    private final TraceRecorder trace;

    public PartnerDispatch(CredentialsInForce credentials, PartnerAuthentication authentication, OwnIdentity self,
                           As4MessageBuilder builder, ReceiptVerifier receipts, PartnerTransport transport,
                           TraceRecorder trace) {
        this.credentials = credentials;
        this.self = self;
        this.send = new PartnerSend(credentials, authentication, builder, receipts, transport);
        this.trace = trace;
    }

    /**
     * Sends, then traces SENT and RECEIPT_VERIFIED with the receipt in one write: one commit of the trace store
     * where there were two. SENT alone is traced only when the partner answered with no receipt this gateway
     * accepts, so that the timeline still shows the answer before the failure.
     */
    @Override
    public void process(Exchange exchange) throws IOException, As4Exception, InvalidPayloadException {
        Message message = exchange.getMessage();
        String messageId = message.getHeader(QueueHeaders.MESSAGE_ID, String.class);
        Partner partner = partnerOf(credentials.current().partners(), message);
        AtomicReference<TraceStep> sent = new AtomicReference<>();
        PartnerSend.Acknowledged acknowledged;
        try {
            acknowledged = send.send(partner, userMessage(message, messageId, partner),
                    (response, encryptedFor) -> sent.set(new TraceStep(TraceEvent.SENT, Instant.now(), "to "
                            + partner.endpoint() + ", " + DeliveryAttempt.note(DeadLettering.attempt(message))
                            + ", HTTP " + response.status() + "; encrypted for " + Certificates.describe(encryptedFor))));
        } catch (IOException | As4Exception | RuntimeException e) {
            TraceStep answered = sent.get();
            if (answered != null) {
                trace.event(messageId, answered.event(), answered.at(), answered.detail());
            }
            throw e;
        }
        Receipt receipt = acknowledged.receipt();
        trace.receipt(messageId, receipt.signedEnvelope(), List.of(sent.get(), new TraceStep(TraceEvent.RECEIPT_VERIFIED,
                Instant.now(), "receipt " + receipt.messageId() + " signed by " + partner.partyId() + " with "
                        + Certificates.describe(receipt.signingCertificate()) + ", " + receipt.nonRepudiationDigests().size()
                        + " digests match" + acknowledged.trustNote())));
    }

    private static Partner partnerOf(PartnerDirectory partners, Message message) {
        String country = message.getHeader(QueueHeaders.PARTNER, String.class);
        return partners.byCountry(country).orElseThrow(() ->
                new IllegalStateException("queued for partner " + country + ", which is no longer configured"));
    }

    private UserMessage userMessage(Message message, String messageId, Partner partner) throws InvalidPayloadException {
        return new UserMessage(messageId, Instant.now(), self.partyId(), partner.partyId(), Collaboration.SERVICE,
                message.getHeader(QueueHeaders.TYPE, String.class),
                Collaboration.conversationId(message.getHeader(QueueHeaders.MRN, String.class)),
                Collaboration.agreementRef(self.country(), partner.country()), self.partyId(), partner.partyId(),
                message.getMandatoryBody(byte[].class), "application/xml");
    }
}
