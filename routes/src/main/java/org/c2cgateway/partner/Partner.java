package org.c2cgateway.partner;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

import org.c2cgateway.trust.PartnerTrust;

/**
 * A neighbouring administration's gateway as this gateway knows it: where to reach it, which
 * certificates prove that a message or a TLS connection really comes from it, and the certificate
 * messages to it are encrypted for.
 */
public record Partner(
        String country,
        String partyId,
        URI endpoint,
        PartnerTrust trust,
        X509Certificate encryptionCertificate) {

    public Partner {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
    }
}
