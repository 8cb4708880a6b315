package org.c2cgateway.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.c2cgateway.keys.MessageKeyPurpose;

/**
 * An Ed25519 key this gateway signs messages and receipts with under the eDelivery AS4 2.0 EC suite, under
 * {@code c2c.message-keys.signing-ec.<slot>}; needed once any partner agreement says {@code EDELIVERY_AS4_2_EC}.
 * Rolls over as {@link SigningKeyConfiguration} does: {@code current} signs, {@code next} waits.
 */
@EachProperty("c2c.message-keys.signing-ec")
public record EcSigningKeyConfiguration(
        @Parameter @Pattern(regexp = "current|next", message = "must be current or next") String slot,
        @NotBlank String keyStore,
        @NotBlank String password,
        @Nullable String alias) implements KeyStoreSlot {

    @Override
    public MessageKeyPurpose purpose() {
        return MessageKeyPurpose.SIGNING_EC;
    }
}
