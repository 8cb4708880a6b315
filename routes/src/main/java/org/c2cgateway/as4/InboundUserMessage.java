package org.c2cgateway.as4;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.c2cgateway.security.CryptoSuite;

/**
 * A received user message that passed all checks: decrypted, signature verified, signed by the
 * certificate we trust for its eb:From party, payload decompressed.
 *
 * @param signingCertificate    the sender certificate that verified the signature
 * @param signedDigests         the references of the sender's signature, to put in our receipt
 * @param decryptionCertificate the certificate of our key the payload was encrypted to
 * @param suite                 the crypto suite it came in, the one agreed with its sender; the receipt
 *                              is signed in it too
 */
public record InboundUserMessage(UserMessage message, X509Certificate signingCertificate,
                                 List<ReferenceDigest> signedDigests, X509Certificate decryptionCertificate,
                                 CryptoSuite suite) {

    public InboundUserMessage {
        Objects.requireNonNull(suite, "suite");
    }
}
