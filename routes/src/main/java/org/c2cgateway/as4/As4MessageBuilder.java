package org.c2cgateway.as4;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.c2cgateway.security.AttachmentCallbackHandler;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.security.WsSecurityEncryptor;
import org.c2cgateway.security.WsSecuritySigner;
import org.w3c.dom.Element;

/**
 * Builds an outbound AS4 user message in the phase4 wire shape: gzip the payload, put it in a
 * MIME attachment, write eb:Messaging, sign (eb:Messaging, Body, attachment) and then encrypt
 * the attachment for the receiver, both in the crypto suite agreed with the receiver.
 *
 * <p>Thread-safe and reusable: it holds only configuration; every call builds its own DOM and
 * WSS4J objects.
 */
public final class As4MessageBuilder {

    /** The eb:Service type our partners' P-Modes use (as in the phase4 interop capture). */
    public static final String DEFAULT_SERVICE_TYPE = "urn:gw:services";
    /** The ebCore party id type for identifiers no registry assigns, as eDelivery two-corner setups use. */
    public static final String UNREGISTERED_PARTY_ID_TYPE = EbmsNames.PARTY_ID_TYPE_UNREGISTERED;

    private final String partyIdType;
    private final String serviceType;

    /** PartyId type {@code urn:oasis:names:tc:ebcore:partyid-type:unregistered}, {@link #DEFAULT_SERVICE_TYPE}. */
    public As4MessageBuilder() {
        this(EbmsNames.PARTY_ID_TYPE_UNREGISTERED, DEFAULT_SERVICE_TYPE);
    }

    /**
     * @param partyIdType type attribute of eb:PartyId and of the originalSender/finalRecipient
     *                    properties; null to omit (then party ids must be URIs)
     * @param serviceType type attribute of eb:Service; null to omit (then the service must be a URI)
     */
    public As4MessageBuilder(String partyIdType, String serviceType) {
        this.partyIdType = partyIdType;
        this.serviceType = serviceType;
    }

    /**
     * Builds the message in the crypto suite agreed with the receiver.
     *
     * @param signingKey                    our key of the suite's signing key type
     * @param receiverEncryptionCertificate the receiver's certificate of the suite's encryption key type
     * @throws IllegalArgumentException if a required field of {@code message} is missing, or a key is not
     *                                  of the type {@code suite} needs
     * @throws IllegalStateException    if WSS4J cannot sign or encrypt (e.g. unusable key)
     */
    public OutboundAs4Message build(UserMessage message, PrivateKeyEntry signingKey,
                                    X509Certificate receiverEncryptionCertificate, CryptoSuite suite) {
        requireFields(message);
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(receiverEncryptionCertificate, "receiverEncryptionCertificate");
        Objects.requireNonNull(suite, "suite");
        return build(message, Compression.gzip(message.payload()), MessageIds.newContentId(), signingKey,
                receiverEncryptionCertificate, suite);
    }

    /** Builds the message in the suite the signing key belongs to (an RSA key: eDelivery AS4 1.x). */
    public OutboundAs4Message build(UserMessage message, PrivateKeyEntry signingKey,
                                    X509Certificate receiverEncryptionCertificate) {
        Objects.requireNonNull(signingKey, "signingKey");
        return build(message, signingKey, receiverEncryptionCertificate,
                CryptoSuite.ofSigningKey(signingKey.certificate().getPublicKey()));
    }

    /**
     * The steps after compression, exposed to tests so they can craft messages that are
     * unsigned/unencrypted (null key/certificate) or carry arbitrary "compressed" bytes.
     */
    OutboundAs4Message build(UserMessage m, byte[] compressed, String contentId, PrivateKeyEntry signingKey,
                             X509Certificate receiverCertificate, CryptoSuite suite) {
        SoapEnvelopes.Envelope env = SoapEnvelopes.create();
        Element messaging = EbmsHeaderWriter.userMessage(env, m, contentId, partyIdType, serviceType);
        AttachmentCallbackHandler attachments = new AttachmentCallbackHandler()
                .add(contentId, EbmsNames.COMPRESSION_GZIP, compressed);
        List<ReferenceDigest> digests = List.of();
        try {
            WSSecHeader securityHeader = new WSSecHeader(env.doc());
            securityHeader.insertSecurityHeader();
            if (signingKey != null) {
                Element signature = WsSecuritySigner.sign(securityHeader,
                        List.of(SoapEnvelopes.wsuId(messaging), env.bodyId()), attachments, signingKey, suite);
                digests = SignatureReferences.fromSignature(signature);
            }
            if (receiverCertificate != null) {
                WsSecurityEncryptor.encryptAttachments(securityHeader, attachments, receiverCertificate, suite);
            }
        } catch (WSSecurityException e) {
            throw new IllegalStateException("cannot sign/encrypt AS4 message " + m.messageId() + ": "
                    + e.getMessage(), e);
        }
        MimeMultipart.Built mime = MimeMultipart.build(XmlParsers.serialize(env.doc()), contentId,
                attachments.content(contentId));
        return new OutboundAs4Message(mime.body(), mime.contentType(), digests);
    }

    private static void requireFields(UserMessage m) {
        Objects.requireNonNull(m, "message");
        require(m.messageId(), "messageId");
        require(m.timestamp(), "timestamp");
        require(m.fromParty(), "fromParty");
        require(m.toParty(), "toParty");
        require(m.service(), "service");
        require(m.action(), "action");
        require(m.conversationId(), "conversationId");
        require(m.payload(), "payload");
        require(m.payloadMimeType(), "payloadMimeType");
    }

    private static void require(Object value, String name) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("UserMessage." + name + " is required");
        }
    }
}
