package org.c2cgateway.as4;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A received user message that passed all checks: decrypted, signature verified, signed by the
 * certificate we trust for its eb:From party, payload decompressed.
 *
 * @param signingCertificate    the sender certificate that verified the signature
 * @param signedDigests         the references of the sender's signature, to put in our receipt
 * @param decryptionCertificate the certificate of our key the payload was encrypted to
 */
public record InboundUserMessage(UserMessage message, X509Certificate signingCertificate,
                                 List<ReferenceDigest> signedDigests, X509Certificate decryptionCertificate) {
}
