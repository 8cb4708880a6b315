package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * This gateway's keys for the eDelivery AS4 2.0 EC suite, needed once any partner agreement says
 * {@code EDELIVERY_AS4_2_EC}: the Ed25519 key it signs messages and receipts with, and the X25519 key
 * partners agree the message key with. Both PKCS#12 stores take the same password.
 *
 * @param signingKeyStore    PKCS#12 with the Ed25519 signing key, e.g. {@code certs-dev/pki/rs/signing-ed25519.p12}
 * @param encryptionKeyStore PKCS#12 with the X25519 key, e.g. {@code certs-dev/pki/rs/encryption-x25519.p12}
 * @param signingAlias       the entry in the signing store; the first key entry when absent
 * @param encryptionAlias    the entry in the encryption store; the first key entry when absent
 */
@ConfigurationProperties("c2c.message-keys-ec")
@Requires(property = "c2c.message-keys-ec.signing-key-store")
public record MessageKeysEcConfiguration(
        @NotBlank String signingKeyStore,
        @NotBlank String encryptionKeyStore,
        @NotBlank String password,
        @Nullable String signingAlias,
        @Nullable String encryptionAlias) {
}
