package org.c2cgateway.partner;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.c2cgateway.security.Certificates;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.trust.PartnerTrust;

/**
 * A neighbouring administration's gateway as this gateway knows it: where to reach it, which
 * certificates prove that a message or a TLS connection really comes from it, the certificates
 * messages to it may be encrypted for, and the crypto suite agreed with it.
 *
 * @param encryptionCertificates the certificates of its decryption keys, in order of preference: we encrypt to
 *                               the first one that is valid at the time of sending (see
 *                               {@link #encryptionCertificate(Instant)}); the others are accepted alternatives,
 *                               such as the partner's old key during a rollover
 * @param suite                  the agreed crypto suite; eDelivery AS4 1.x when null
 * @throws IllegalArgumentException if a pinned signing certificate or an encryption certificate does
 *                                  not have the key type the suite needs
 */
public record Partner(
        String country,
        String partyId,
        URI endpoint,
        PartnerTrust trust,
        List<X509Certificate> encryptionCertificates,
        CryptoSuite suite) {

    public Partner {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(trust, "trust");
        encryptionCertificates = List.copyOf(encryptionCertificates);
        if (encryptionCertificates.isEmpty()) {
            throw new IllegalArgumentException("partner " + country + " has no encryption certificate");
        }
        suite = suite == null ? CryptoSuite.EDELIVERY_AS4_1 : suite;
        for (X509Certificate pin : trust.signing().pins()) {
            suite.requireSigningKey(pin.getPublicKey(), "partner " + country + "'s signing certificate");
        }
        for (X509Certificate certificate : encryptionCertificates) {
            suite.requireEncryptionKey(certificate.getPublicKey(), "partner " + country + "'s encryption certificate "
                    + Certificates.describe(certificate));
        }
    }

    /**
     * The certificate to encrypt a message to at {@code now}: the first of {@link #encryptionCertificates} that
     * is valid then. So a partner's new key can be listed ahead of its validity, and an expired one is passed
     * over for the next in the list rather than making every message fail.
     *
     * @throws IllegalStateException if none is valid (all expired or not yet valid)
     */
    public X509Certificate encryptionCertificate(Instant now) {
        Date at = Date.from(now);
        for (X509Certificate candidate : encryptionCertificates) {
            if (!at.before(candidate.getNotBefore()) && !at.after(candidate.getNotAfter())) {
                return candidate;
            }
        }
        throw new IllegalStateException("partner " + country + " has no encryption certificate valid at " + now + ": "
                + encryptionCertificates.stream().map(c -> Certificates.describe(c) + " valid from "
                        + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant())
                .collect(Collectors.joining("; ")));
    }
}
