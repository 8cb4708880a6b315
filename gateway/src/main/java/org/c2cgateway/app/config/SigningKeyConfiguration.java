package org.c2cgateway.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.c2cgateway.keys.MessageKeyPurpose;

/**
 * A key this gateway signs messages and receipts with, under {@code c2c.message-keys.signing.<slot>}: the
 * {@code current} key signs; a {@code next} one waits for partners to accept its certificate before it is
 * promoted. A replaced signing key has no use, so there is no {@code previous} slot.
 */
@EachProperty("c2c.message-keys.signing")
public record SigningKeyConfiguration(
        @Parameter @Pattern(regexp = "current|next", message = "must be current or next") String slot,
        @NotBlank String keyStore,
        @NotBlank String password,
        @Nullable String alias) implements KeyStoreSlot {

    @Override
    public MessageKeyPurpose purpose() {
        return MessageKeyPurpose.SIGNING;
    }
}
