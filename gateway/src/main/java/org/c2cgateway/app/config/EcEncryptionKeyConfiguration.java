package org.c2cgateway.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.c2cgateway.keys.MessageKeyPurpose;

/**
 * An X25519 key partners on the eDelivery AS4 2.0 EC suite agree the message key with, under
 * {@code c2c.message-keys.encryption-ec.<slot>}. Rolls over as {@link EncryptionKeyConfiguration} does: the
 * gateway decrypts with the {@code current}, {@code next} and {@code previous} one.
 */
@EachProperty("c2c.message-keys.encryption-ec")
public record EcEncryptionKeyConfiguration(
        @Parameter @Pattern(regexp = "current|next|previous", message = "must be current, next or previous") String slot,
        @NotBlank String keyStore,
        @NotBlank String password,
        @Nullable String alias) implements KeyStoreSlot {

    @Override
    public MessageKeyPurpose purpose() {
        return MessageKeyPurpose.ENCRYPTION_EC;
    }
}
