package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/** The TLS key this gateway presents to partners, and the CAs it accepts partner servers from. */
@ConfigurationProperties("c2c.tls")
public record TlsConfiguration(
        @NotBlank String keyStore,
        @NotBlank String password,
        @NotBlank String trustStore,
        @NotBlank String trustStorePassword,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration requestTimeout) {
}
