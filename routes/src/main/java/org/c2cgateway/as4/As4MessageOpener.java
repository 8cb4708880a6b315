package org.c2cgateway.as4;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.c2cgateway.security.AttachmentCallbackHandler;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.security.SecurityCheckException;
import org.c2cgateway.security.VerifiedSecurity;
import org.c2cgateway.security.WsSecurityVerifier;
import org.c2cgateway.trust.CertificateRefusedException;

import static org.c2cgateway.as4.EbmsError.DECOMPRESSION_FAILURE;
import static org.c2cgateway.as4.EbmsError.FAILED_AUTHENTICATION;
import static org.c2cgateway.as4.EbmsError.OTHER;
import static org.c2cgateway.as4.EbmsError.PROCESSING_MODE_MISMATCH;
import static org.c2cgateway.as4.EbmsError.POLICY_NONCOMPLIANCE;
import static org.c2cgateway.as4.EbmsError.VALUE_INCONSISTENT;
import static org.c2cgateway.as4.EbmsError.VALUE_NOT_RECOGNIZED;

/**
 * Opens a received AS4 user message and checks everything the profile requires, reporting the
 * real cause of a failure with its ebMS code:
 * <ol>
 * <li>MIME, XML (hardened, within the envelope's {@link As4Limits}), SOAP 1.2 and eb:Messaging: 0009 / 0001;</li>
 * <li>attachments within the size limit: 0004;</li>
 * <li>payload references: exactly one PartInfo whose {@code cid:} matches the one attachment: 0003
 * (0010 for several payloads or a SOAP Body payload, which our P-Modes do not use);</li>
 * <li>the claimed eb:From party must be a partner: 0101;</li>
 * <li>WS-Security, in the crypto suite agreed with that party (weak algorithms, algorithms of another
 * suite, missing signature: 0103; bad signature: 0101; undecryptable: 0102);</li>
 * <li>the signer must be accepted for that party ({@link SenderTrust}: its CA, pins or subject,
 * validity, key, usage, revocation): 0101, naming the certificate and every reason;</li>
 * <li>eb:Messaging, Body and attachment must be signed, the attachment encrypted: 0103 (signed copies of
 * eb:Messaging or Body elsewhere than where they are read are named as signature wrapping);</li>
 * <li>gunzip, stopping at the payload size limit: 0303.</li>
 * </ol>
 *
 * <p>Thread-safe and reusable.
 */
public final class As4MessageOpener {

    private final As4Limits limits;

    public As4MessageOpener() {
        this(As4Limits.DEFAULTS);
    }

    public As4MessageOpener(As4Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Opens a message with our one decryption key; only partners agreed on that key's suite can reach us. */
    public InboundUserMessage open(byte[] body, String contentType, SenderTrust trust,
                                   PrivateKeyEntry decryptionKey) throws As4Exception {
        Objects.requireNonNull(decryptionKey, "decryptionKey");
        return open(read(body, contentType), trust, OwnKeys.of(decryptionKey));
    }

    /** Reads and opens a message in one step; see {@link #open(ClaimedUserMessage, SenderTrust, OwnKeys)}. */
    public InboundUserMessage open(byte[] body, String contentType, SenderTrust trust, OwnKeys keys)
            throws As4Exception {
        return open(read(body, contentType), trust, keys);
    }

    /**
     * The first step on its own: unpacks the message and reads what its eb:Messaging claims, none of it
     * verified yet. Apart so that a refusal in {@link #open(ClaimedUserMessage, SenderTrust, OwnKeys)}
     * can still say who claimed to send which message.
     */
    public ClaimedUserMessage read(byte[] body, String contentType) throws As4Exception {
        InboundEnvelope in = InboundEnvelope.parse(body, contentType, limits.envelope());
        return new ClaimedUserMessage(in, EbmsHeaderReader.userMessage(in.messaging()));
    }

    /**
     * Opens a message in the suite agreed with its claimed sender ({@link SenderTrust#agreedSuite}),
     * decrypting with our key of that suite.
     */
    public InboundUserMessage open(ClaimedUserMessage claimed, SenderTrust trust, OwnKeys keys) throws As4Exception {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(keys, "keys");
        InboundEnvelope in = claimed.envelope();
        EbmsHeaderReader.UserMessageHeader h = claimed.header();
        String id = h.messageId();
        requireAttachmentsWithinLimit(in, id);
        EbmsHeaderReader.PartInfo part = singlePart(h);
        String contentId = attachmentFor(in, part, id);

        if (!trust.knowsParty(h.fromParty())) {
            throw new As4Exception(FAILED_AUTHENTICATION, "party '" + h.fromParty() + "' is not a partner of this gateway",
                    id);
        }
        CryptoSuite suite = trust.agreedSuite(h.fromParty());
        List<PrivateKeyEntry> decryptionKeys = keys.decryptionKeys(suite);
        if (decryptionKeys.isEmpty()) {
            throw new As4Exception(PROCESSING_MODE_MISMATCH, "this gateway holds no " + suite.encryptionKeyType().label()
                    + " decryption key for the crypto suite " + suite + " agreed with party '" + h.fromParty() + "'", id);
        }
        AttachmentCallbackHandler attachments = new AttachmentCallbackHandler();
        in.mime().attachments().forEach(a -> attachments.add(a.contentId(), "application/octet-stream", a.content()));
        VerifiedSecurity security;
        try {
            security = WsSecurityVerifier.verify(in.doc(), attachments, trust.pinnedSigningCertificates(h.fromParty()),
                    decryptionKeys, suite);
        } catch (SecurityCheckException e) {
            throw InboundEnvelope.securityFailure(e, id);
        }
        try {
            trust.verifySigner(h.fromParty(), security.signingCertificate());
        } catch (CertificateRefusedException e) {
            throw new As4Exception(FAILED_AUTHENTICATION, "the message claims to come from party '" + h.fromParty()
                    + "' but " + e.getMessage(), id);
        }
        requireProtected(in, security, contentId, id);
        byte[] payload = decompress(attachments.content(contentId), part.compressionType(), id);
        UserMessage message = new UserMessage(id, h.timestamp(), h.fromParty(), h.toParty(), h.service(),
                h.action(), h.conversationId(), h.agreementRef(), h.originalSender(), h.finalRecipient(), payload,
                part.mimeType(), h.refToMessageId());
        return new InboundUserMessage(message, security.signingCertificate(),
                SignatureReferences.fromSignature(security.signature()), security.decryptionCertificate(), suite);
    }

    /** Before any cryptography: an attachment is decrypted and digested whole, in memory. */
    private void requireAttachmentsWithinLimit(InboundEnvelope in, String id) throws As4Exception {
        for (MimeMultipart.Part a : in.mime().attachments()) {
            if (a.content().length > limits.maxAttachmentBytes()) {
                throw new As4Exception(OTHER, "an attachment of " + a.content().length + " bytes exceeds the maximum "
                        + "attachment size of " + limits.maxAttachmentBytes() + " bytes", id);
            }
        }
    }

    private static EbmsHeaderReader.PartInfo singlePart(EbmsHeaderReader.UserMessageHeader h) throws As4Exception {
        List<EbmsHeaderReader.PartInfo> parts = h.parts();
        if (parts.isEmpty()) {
            throw new As4Exception(VALUE_INCONSISTENT, "the user message has no eb:PartInfo (no payload)",
                    h.messageId());
        }
        if (parts.size() > 1) {
            throw new As4Exception(PROCESSING_MODE_MISMATCH, "only one payload per message is supported, got "
                    + parts.size(), h.messageId());
        }
        EbmsHeaderReader.PartInfo part = parts.get(0);
        if (part.href() == null || !part.href().startsWith("cid:")) {
            throw new As4Exception(PROCESSING_MODE_MISMATCH, "payloads must be MIME attachments (href=\"cid:\"), got "
                    + (part.href() == null ? "a SOAP Body payload" : part.href()), h.messageId());
        }
        return part;
    }

    /** The Content-ID of the attachment the PartInfo points to; no unreferenced attachments allowed. */
    private static String attachmentFor(InboundEnvelope in, EbmsHeaderReader.PartInfo part, String id)
            throws As4Exception {
        String raw = part.href().substring(4);
        String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        String match = null;
        for (MimeMultipart.Part a : in.mime().attachments()) {
            String cid = a.contentId();
            if (cid != null && (cid.equals(raw) || cid.equals(decoded)) && match == null) {
                match = cid;
            } else {
                throw new As4Exception(VALUE_INCONSISTENT, "MIME part " + (cid == null ? "without Content-ID"
                        : "<" + cid + ">") + " is not referenced by the eb:PartInfo", id);
            }
        }
        if (match == null) {
            throw new As4Exception(VALUE_INCONSISTENT, "no MIME attachment matches eb:PartInfo href=\""
                    + part.href() + "\"", id);
        }
        return match;
    }

    private static void requireProtected(InboundEnvelope in, VerifiedSecurity s, String contentId, String id)
            throws As4Exception {
        if (!s.isSigned(in.messaging())) {
            throw new As4Exception(POLICY_NONCOMPLIANCE, "the eb:Messaging header is not signed"
                    + wrapping(s, EbmsNames.EB_NS, "Messaging", "eb:Messaging"), id);
        }
        if (!s.isSigned(SoapEnvelopes.body(in.doc()))) {
            throw new As4Exception(POLICY_NONCOMPLIANCE, "the SOAP Body is not signed"
                    + wrapping(s, EbmsNames.SOAP12_NS, "Body", "SOAP Body"), id);
        }
        if (!s.signedAttachmentIds().contains(contentId)) {
            throw new As4Exception(POLICY_NONCOMPLIANCE, "the payload attachment <" + contentId + "> is not signed",
                    id);
        }
        if (!s.decryptedAttachmentIds().contains(contentId)) {
            throw new As4Exception(POLICY_NONCOMPLIANCE, "the message is not encrypted: payload attachment <"
                    + contentId + "> arrived in clear", id);
        }
    }

    /**
     * Names the attack when the signature covers an element of the same name that is not the one read:
     * the signed original was moved aside and an unsigned copy put where the processor looks.
     */
    private static String wrapping(VerifiedSecurity s, String ns, String localName, String name) {
        boolean signedElsewhere = s.signedElements().stream()
                .anyMatch(e -> ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()));
        return signedElsewhere ? "; the signature covers another " + name + " elsewhere in the message (signature "
                + "wrapping: the signed original was moved and an unsigned copy put in its place)" : "";
    }

    private byte[] decompress(byte[] data, String compressionType, String id) throws As4Exception {
        if (compressionType == null) {
            return data;
        }
        if (!EbmsNames.COMPRESSION_GZIP.equals(compressionType)) {
            throw new As4Exception(VALUE_NOT_RECOGNIZED, "unsupported CompressionType " + compressionType, id);
        }
        try {
            return Compression.gunzip(data, limits.maxPayloadBytes());
        } catch (IOException e) {
            throw new As4Exception(DECOMPRESSION_FAILURE, "the payload cannot be gunzipped: " + e.getMessage(), id, e);
        }
    }
}
