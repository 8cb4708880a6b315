package org.c2cgateway.partner;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.trust.PartnerTrust;

/**
 * A neighbouring administration's gateway as this gateway knows it: where to reach it, which
 * certificates prove that a message or a TLS connection really comes from it, the certificate
 * messages to it are encrypted for, and the crypto suite agreed with it.
 *
 * @param suite the agreed crypto suite; eDelivery AS4 1.x when null
 * @throws IllegalArgumentException if a pinned signing certificate or the encryption certificate does
 *                                  not have the key type the suite needs
 */
public record Partner(
        String country,
        String partyId,
        URI endpoint,
        PartnerTrust trust,
        X509Certificate encryptionCertificate,
        CryptoSuite suite) {

    public Partner {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
        suite = suite == null ? CryptoSuite.EDELIVERY_AS4_1 : suite;
        for (X509Certificate pin : trust.signing().pins()) {
            suite.requireSigningKey(pin.getPublicKey(), "partner " + country + "'s signing certificate");
        }
        suite.requireEncryptionKey(encryptionCertificate.getPublicKey(), "partner " + country + "'s encryption certificate");
    }
}
