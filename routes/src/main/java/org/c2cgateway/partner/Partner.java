package org.c2cgateway.partner;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

import org.c2cgateway.security.CryptoSuite;

/**
 * A neighbouring administration's gateway as this gateway knows it: where to reach it, which
 * certificates prove that a message or a TLS connection really comes from it, which certificate
 * we encrypt to, and the crypto suite agreed with it.
 *
 * @param encryptionCertificate the certificate we encrypt to; in eDelivery AS4 1.x it may be the
 *                              signing certificate (one RSA key), which is the default when null
 * @param suite                 the agreed crypto suite; eDelivery AS4 1.x when null
 * @throws IllegalArgumentException if a certificate's key is not of the type the suite needs
 */
public record Partner(
        String country,
        String partyId,
        URI endpoint,
        X509Certificate signingCertificate,
        X509Certificate tlsCertificate,
        X509Certificate encryptionCertificate,
        CryptoSuite suite) {

    public Partner {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        suite = suite == null ? CryptoSuite.EDELIVERY_AS4_1 : suite;
        encryptionCertificate = encryptionCertificate == null ? signingCertificate : encryptionCertificate;
        suite.requireSigningKey(signingCertificate.getPublicKey(), "partner " + country + "'s signing certificate");
        suite.requireEncryptionKey(encryptionCertificate.getPublicKey(),
                "partner " + country + "'s encryption certificate");
    }

    /** A partner on eDelivery AS4 1.x whose one RSA certificate signs and is encrypted to. */
    public Partner(String country, String partyId, URI endpoint, X509Certificate signingCertificate,
                   X509Certificate tlsCertificate) {
        this(country, partyId, endpoint, signingCertificate, tlsCertificate, null, null);
    }
}
