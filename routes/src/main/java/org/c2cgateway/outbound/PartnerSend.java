package org.c2cgateway.outbound;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;

import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.OutboundAs4Message;
import org.c2cgateway.as4.Receipt;
import org.c2cgateway.as4.ReceiptVerifier;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.transport.PartnerResponse;
import org.c2cgateway.transport.PartnerTransport;

/**
 * One AS4 user message to a partner: signed and encrypted in the crypto suite agreed with it, posted over the
 * partner channel, and done only when the partner's signed receipt checks out against what was signed. A
 * notification and a delivery status go the same way.
 */
public final class PartnerSend {

    private final CredentialsInForce credentials;
    private final PartnerAuthentication authentication;
    private final As4MessageBuilder builder;
    private final ReceiptVerifier receipts;
    private final PartnerTransport transport;

    public PartnerSend(CredentialsInForce credentials, PartnerAuthentication authentication, As4MessageBuilder builder,
                       ReceiptVerifier receipts, PartnerTransport transport) {
        this.credentials = credentials;
        this.authentication = authentication;
        this.builder = builder;
        this.receipts = receipts;
        this.transport = transport;
    }

    /** What happened once the partner answered, before its receipt is checked: a step worth tracing either way. */
    @FunctionalInterface
    public interface AfterPost {
        void posted(PartnerResponse response, X509Certificate encryptedFor);
    }

    /** The partner's checked receipt, and what the trust decision behind it is worth noting in a trace. */
    public record Acknowledged(Receipt receipt, String trustNote) {
    }

    public Acknowledged send(Partner partner, UserMessage message, AfterPost afterPost) throws IOException, As4Exception {
        Credentials now = credentials.current();
        X509Certificate encryptTo = partner.encryptionCertificate(Instant.now());
        OutboundAs4Message as4 = builder.build(message, now.keys().ownKeys().requireSigningKey(partner.suite()),
                encryptTo, partner.suite());
        PartnerResponse response = transport.post(partner.endpoint(), as4.body(), as4.contentType());
        afterPost.posted(response, encryptTo);
        PartnerAuthentication.Check trust = authentication.at(now.partners(), Instant.now());
        Receipt receipt = receipts.verify(response.body(), response.contentType(), message.messageId(),
                partner.partyId(), trust, as4.signedDigests());
        return new Acknowledged(receipt, trust.traceNote());
    }
}
