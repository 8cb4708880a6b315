package org.c2cgateway.as4;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.c2cgateway.security.AttachmentCallbackHandler;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.SecurityCheckException;
import org.c2cgateway.security.VerifiedSecurity;
import org.c2cgateway.security.WsSecurityVerifier;
import org.c2cgateway.trust.CertificateRefusedException;

import static org.c2cgateway.as4.EbmsError.FAILED_AUTHENTICATION;
import static org.c2cgateway.as4.EbmsError.INVALID_HEADER;
import static org.c2cgateway.as4.EbmsError.INVALID_RECEIPT;
import static org.c2cgateway.as4.EbmsError.POLICY_NONCOMPLIANCE;
import static org.c2cgateway.as4.EbmsError.VALUE_INCONSISTENT;

/**
 * Checks the partner's synchronous response to a user message we sent.
 *
 * <ul>
 * <li>an empty response: 0301 MissingReceipt;</li>
 * <li>an eb:Error signal: thrown as As4Exception with the partner's code (unknown codes map to
 * OTHER with the code in the detail), description and detail;</li>
 * <li>otherwise it must be a receipt signed over its eb:Messaging and Body with a certificate
 * accepted for the partner, in the crypto suite agreed with it (0101 if not, naming the certificate
 * and every reason; 0103 if unsigned, parts unsigned or signed with algorithms outside that suite);</li>
 * <li>RefToMessageId must be the message we sent (0003);</li>
 * <li>its non-repudiation digests must be exactly the ones we signed (0302 InvalidReceipt).</li>
 * </ul>
 * Thread-safe and reusable.
 */
public final class ReceiptVerifier {

    /**
     * @param partnerPartyId the party the message was sent to, whose signature the receipt must bear
     * @param trust          who may sign for that party, at the time the response arrived
     */
    public Receipt verify(byte[] responseBody, String contentType, String expectedRefToMessageId,
                          String partnerPartyId, SenderTrust trust, List<ReferenceDigest> sentDigests)
            throws As4Exception {
        Objects.requireNonNull(trust, "trust");
        CryptoSuite suite = trust.agreedSuite(partnerPartyId);
        Objects.requireNonNull(sentDigests, "sentDigests");
        if (responseBody == null || responseBody.length == 0) {
            throw new As4Exception(EbmsError.MISSING_RECEIPT, "the partner answered without a receipt (empty body)",
                    expectedRefToMessageId);
        }
        InboundEnvelope in = InboundEnvelope.parse(responseBody, contentType);
        EbmsHeaderReader.Signal signal = EbmsHeaderReader.signal(in.messaging());
        if (!signal.errors().isEmpty()) {
            throw partnerError(signal, expectedRefToMessageId);
        }
        if (signal.receipt() == null) {
            throw new As4Exception(INVALID_HEADER, "the signal contains neither eb:Receipt nor eb:Error",
                    expectedRefToMessageId);
        }
        VerifiedSecurity security;
        try {
            security = WsSecurityVerifier.verify(in.doc(), new AttachmentCallbackHandler(),
                    trust.pinnedSigningCertificates(partnerPartyId), List.of(), suite);
        } catch (SecurityCheckException e) {
            throw InboundEnvelope.securityFailure(e, expectedRefToMessageId);
        }
        try {
            trust.verifySigner(partnerPartyId, security.signingCertificate());
        } catch (CertificateRefusedException e) {
            throw new As4Exception(FAILED_AUTHENTICATION, "the receipt is not signed by the partner: " + e.getMessage(),
                    expectedRefToMessageId);
        }
        if (!security.isSigned(in.messaging()) || !security.isSigned(SoapEnvelopes.body(in.doc()))) {
            throw new As4Exception(POLICY_NONCOMPLIANCE, "the receipt's eb:Messaging and Body are not both signed",
                    expectedRefToMessageId);
        }
        if (!Objects.equals(expectedRefToMessageId, signal.refToMessageId())) {
            throw new As4Exception(VALUE_INCONSISTENT, "the receipt refers to message '" + signal.refToMessageId()
                    + "', not to '" + expectedRefToMessageId + "'", expectedRefToMessageId);
        }
        List<ReferenceDigest> received = SignatureReferences.fromReceipt(signal.receipt());
        checkDigests(received, sentDigests, expectedRefToMessageId);
        return new Receipt(signal.messageId(), signal.refToMessageId(), signal.timestamp(), received,
                in.rootBytes(), security.signingCertificate());
    }

    private static void checkDigests(List<ReferenceDigest> received, List<ReferenceDigest> sent, String ref)
            throws As4Exception {
        if (received.isEmpty()) {
            throw new As4Exception(INVALID_RECEIPT, "the receipt has no non-repudiation information", ref);
        }
        Set<ReferenceDigest> expected = new HashSet<>(sent);
        for (ReferenceDigest d : received) {
            if (!expected.remove(d)) {
                throw new As4Exception(INVALID_RECEIPT, "the receipt's digest for " + d.uri()
                        + " does not match any reference we signed", ref);
            }
        }
        if (!expected.isEmpty()) {
            throw new As4Exception(INVALID_RECEIPT, "the receipt does not acknowledge "
                    + expected.iterator().next().uri(), ref);
        }
    }

    private static As4Exception partnerError(EbmsHeaderReader.Signal signal, String expectedRef) {
        EbmsHeaderReader.ErrorInfo e = signal.errors().stream().filter(x -> !"warning".equals(x.severity()))
                .findFirst().orElse(signal.errors().get(0));
        EbmsError error = EbmsError.fromCode(e.errorCode());
        StringBuilder detail = new StringBuilder("partner reported ").append(e.errorCode());
        if (!e.shortDescription().isEmpty()) {
            detail.append(" (").append(e.shortDescription()).append(')');
        }
        if (e.description() != null && !e.description().equals(e.shortDescription())) {
            detail.append(": ").append(e.description());
        }
        if (e.detail() != null) {
            detail.append(": ").append(e.detail());
        }
        String ref = signal.refToMessageId() != null ? signal.refToMessageId()
                : !e.refToMessageInError().isEmpty() ? e.refToMessageInError() : expectedRef;
        return new As4Exception(error, detail.toString(), ref);
    }
}
