package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/** The key this gateway signs messages and receipts with, and that partners encrypt to. */
@ConfigurationProperties("c2c.message-key")
public record MessageKeyConfiguration(@NotBlank String keyStore, @NotBlank String password, @Nullable String alias) {
}
