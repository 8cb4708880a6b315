package org.c2cgateway.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.c2cgateway.keys.MessageKeyPurpose;

/**
 * A key partners encrypt messages to, under {@code c2c.message-keys.encryption.<slot>}. The gateway decrypts
 * with all of them: {@code current}, the {@code next} one partners may already have taken up, and the
 * {@code previous} one they may not yet have let go of.
 */
@EachProperty("c2c.message-keys.encryption")
public record EncryptionKeyConfiguration(
        @Parameter @Pattern(regexp = "current|next|previous", message = "must be current, next or previous") String slot,
        @NotBlank String keyStore,
        @NotBlank String password,
        @Nullable String alias) implements KeyStoreSlot {

    @Override
    public MessageKeyPurpose purpose() {
        return MessageKeyPurpose.ENCRYPTION;
    }
}
