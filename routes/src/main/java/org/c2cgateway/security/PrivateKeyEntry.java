package org.c2cgateway.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and chain, as used for signing and decrypting AS4 messages.
 *
 * <p>We keep keys as plain JCA objects rather than WSS4J {@code Crypto}/keystore aliases so that
 * callers can load them from anywhere (PKCS#12, HSM wrapper, test generator) and so that the
 * same entry can be shared safely between threads: the record is immutable.
 *
 * @param privateKey  the private key
 * @param certificate the leaf certificate matching {@code privateKey}
 * @param chain       leaf first, then issuers; never empty (defaults to just the leaf)
 */
public record PrivateKeyEntry(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public PrivateKeyEntry {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = chain == null || chain.isEmpty() ? List.of(certificate) : List.copyOf(chain);
    }

    /** Convenience constructor for a key whose chain is only its own certificate. */
    public PrivateKeyEntry(PrivateKey privateKey, X509Certificate certificate) {
        this(privateKey, certificate, List.of(certificate));
    }

    @Override
    public String toString() {
        // Never print key material; the subject is enough to identify the entry in logs.
        return "PrivateKeyEntry[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
