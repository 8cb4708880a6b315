package org.c2cgateway.partner;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A neighbouring administration's gateway as this gateway knows it: where to reach it and which
 * certificates prove that a message or a TLS connection really comes from it.
 */
public record Partner(
        String country,
        String partyId,
        URI endpoint,
        X509Certificate signingCertificate,
        X509Certificate tlsCertificate) {

    public Partner {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(signingCertificate, "signingCertificate");
    }
}
