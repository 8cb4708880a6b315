package org.c2cgateway.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain, leaf first, ending with the root CA.
 *
 * <p>This is exactly what a PKCS#12 private-key entry holds, so the same value is what gets
 * written and what gets read back.
 *
 * @param privateKey the private key
 * @param chain the certificate chain, leaf first; never empty
 */
public record Credential(PrivateKey privateKey, List<X509Certificate> chain) {

    /** Defensive copy; a credential without a certificate is useless for TLS or WS-Security. */
    public Credential {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain must not be empty");
        }
    }

    /**
     * The end-entity certificate, i.e. the one that certifies {@link #privateKey()}.
     *
     * @return the first certificate of the chain
     */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
