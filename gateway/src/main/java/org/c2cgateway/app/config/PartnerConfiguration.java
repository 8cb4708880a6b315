package org.c2cgateway.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

import java.net.URI;

import org.c2cgateway.security.CryptoSuite;

/**
 * One partner administration's gateway, keyed by its country code under {@code c2c.partners}.
 *
 * @param country            the key: the partner's ISO 3166 code
 * @param partyId            its AS4 party id (defaults to the country)
 * @param endpoint           where its AS4 endpoint listens
 * @param signingCertificate the certificate its messages and receipts must be signed with (PEM)
 * @param tlsCertificate     the TLS client certificate it must connect with (PEM), when pinned
 * @param suite              the crypto suite of the agreement: {@code EDELIVERY_AS4_1} (the default) or
 *                           {@code EDELIVERY_AS4_2_EC}, in which case {@code signingCertificate} is its
 *                           Ed25519 certificate
 * @param encryptionCertificate the certificate we encrypt to (PEM): its X25519 certificate under the EC
 *                           suite; under eDelivery AS4 1.x the signing certificate when absent
 */
@EachProperty("c2c.partners")
public record PartnerConfiguration(
        @Parameter String country,
        @Nullable String partyId,
        URI endpoint,
        @NotBlank String signingCertificate,
        @Nullable String tlsCertificate,
        @Nullable CryptoSuite suite,
        @Nullable String encryptionCertificate) {

    /** Micronaut lower-cases the keys of {@code c2c.partners}; country codes are upper case. */
    public String countryCode() {
        return country.toUpperCase(java.util.Locale.ROOT);
    }

    public String effectivePartyId() {
        return partyId == null || partyId.isBlank() ? countryCode() : partyId;
    }
}
