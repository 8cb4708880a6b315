package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

import java.net.URI;
import java.time.Duration;

/**
 * One partner administration's gateway, keyed by its country code under {@code c2c.partners}.
 *
 * @param country            the key: the partner's ISO 3166 code
 * @param partyId            its AS4 party id (defaults to the country)
 * @param endpoint           where its AS4 endpoint listens
 * @param signingCertificate the certificate its messages and receipts must be signed with (PEM)
 * @param tlsCertificate     the TLS client certificate it must connect with (PEM), when pinned
 * @param retry              how failed sends to it are retried, where it differs from {@code c2c.delivery.retry}
 */
@EachProperty("c2c.partners")
public record PartnerConfiguration(
        @Parameter String country,
        @Nullable String partyId,
        URI endpoint,
        @NotBlank String signingCertificate,
        @Nullable String tlsCertificate,
        @Nullable Retry retry) {

    /** A partner's own retry settings; each one left out is taken from {@code c2c.delivery.retry}. */
    @ConfigurationProperties("retry")
    public record Retry(@Nullable Duration initialDelay, @Nullable Double multiplier, @Nullable Duration maxDelay,
                        @Nullable Duration timeToLive, @Nullable Double jitter, @Nullable Integer maxAttempts) {
    }

    /** Micronaut lower-cases the keys of {@code c2c.partners}; country codes are upper case. */
    public String countryCode() {
        return country.toUpperCase(java.util.Locale.ROOT);
    }

    public String effectivePartyId() {
        return partyId == null || partyId.isBlank() ? countryCode() : partyId;
    }
}
