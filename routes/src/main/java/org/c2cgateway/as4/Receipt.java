package org.c2cgateway.as4;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A verified non-repudiation receipt from a partner.
 *
 * @param messageId             the receipt's own MessageId
 * @param refToMessageId        the user message it acknowledges
 * @param nonRepudiationDigests the digests the partner reports having received
 * @param signedEnvelope        the receipt's SOAP envelope as received, to archive as evidence
 * @param signingCertificate    the partner certificate the receipt is signed with
 */
public record Receipt(String messageId, String refToMessageId, Instant timestamp,
                      List<ReferenceDigest> nonRepudiationDigests, byte[] signedEnvelope,
                      X509Certificate signingCertificate) {
}
