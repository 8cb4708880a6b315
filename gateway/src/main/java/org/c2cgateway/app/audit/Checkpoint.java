package org.c2cgateway.app.audit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.c2cgateway.security.PrivateKeyEntry;

/**
 * A chain's head (node, lane, seq, hash) at a time, signed by the gateway with its message signing key, and the
 * signer's certificate chain to check it with. One encoding of what is signed, for the signer and the verifier.
 *
 * @param signedBy     the node that signed it (any node of the gateway may sign any chain of the store)
 * @param certificates PEM, the signer's certificate first, then its issuers
 */
public record Checkpoint(String node, int lane, long seq, String hash, Instant signedAt, String signedBy,
                         String algorithm, String signature, String certificates) {

    private static final String FORMAT = "c2c-audit-checkpoint-1";

    /** Signs the head with {@code key}. */
    public static Checkpoint sign(String node, int lane, long seq, String hash, Instant at, String signedBy,
                                  PrivateKeyEntry key) {
        Instant signedAt = at.truncatedTo(ChronoUnit.MICROS);
        String algorithm = algorithmFor(key.privateKey().getAlgorithm());
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key.privateKey());
            signer.update(signedBytes(node, lane, seq, hash, signedAt, signedBy));
            return new Checkpoint(node, lane, seq, hash, signedAt, signedBy, algorithm,
                    Base64.getEncoder().encodeToString(signer.sign()), pem(key.chain()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing an audit checkpoint failed: " + e.getMessage(), e);
        }
    }

    /** Whether the signature is the first certificate's over this checkpoint's fields. */
    public boolean signatureValid() {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(signerChain().get(0).getPublicKey());
            verifier.update(signedBytes(node, lane, seq, hash, signedAt, signedBy));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The certificates stored with the checkpoint, signer first; empty when they cannot be read. */
    public List<X509Certificate> signerChain() {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(new ByteArrayInputStream(certificates.getBytes(StandardCharsets.US_ASCII)))
                    .forEach(c -> chain.add((X509Certificate) c));
            return chain;
        } catch (CertificateException e) {
            return List.of();
        }
    }

    private static byte[] signedBytes(String node, int lane, long seq, String hash, Instant signedAt, String signedBy) {
        return new Canonical(FORMAT).text(node).number(lane).number(seq).text(hash).instant(signedAt).text(signedBy)
                .bytes();
    }

    private static String algorithmFor(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalStateException("no checkpoint signature for a " + keyAlgorithm + " key");
        };
    }

    private static String pem(List<X509Certificate> chain) throws CertificateEncodingException {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }
}
