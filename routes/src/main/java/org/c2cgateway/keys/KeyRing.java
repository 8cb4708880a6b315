package org.c2cgateway.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;

/**
 * This gateway's own message keys, by {@link MessageKeyPurpose}: signing and encryption, for each crypto suite
 * it holds keys for. It signs messages and receipts with the current signing key of the suite agreed with the
 * partner only (partners learn a new signing certificate before the switch, so one signature is enough), and
 * decrypts with whichever encryption key of that suite the sender chose: during a rollover a partner may encrypt
 * to our current key, to the next one it has already taken up, or to the previous one it has not yet let go of.
 *
 * <p>Signing and encryption keys are separate purposes; a key is used for decryption only when it is
 * configured as an encryption key, even where one key pair serves both. The RSA keys of eDelivery AS4 1.x are
 * always there; the EC suite's keys when the gateway has any partner on it.
 */
public record KeyRing(Map<MessageKeyPurpose, KeyGenerations> generations) {

    public KeyRing {
        EnumMap<MessageKeyPurpose, KeyGenerations> copy = new EnumMap<>(MessageKeyPurpose.class);
        generations.forEach((purpose, keys) -> copy.put(Objects.requireNonNull(purpose, "purpose"),
                Objects.requireNonNull(keys, "generations of " + purpose)));
        Objects.requireNonNull(copy.get(MessageKeyPurpose.SIGNING), "signing");
        Objects.requireNonNull(copy.get(MessageKeyPurpose.ENCRYPTION), "encryption");
        copy.forEach((purpose, keys) -> keys.inUse().forEach(purpose::requireKeyType));
        generations = Collections.unmodifiableMap(copy);
    }

    /** RSA keys only: eDelivery AS4 1.x. */
    public KeyRing(KeyGenerations signing, KeyGenerations encryption) {
        this(Map.of(MessageKeyPurpose.SIGNING, signing, MessageKeyPurpose.ENCRYPTION, encryption));
    }

    /** The RSA signing keys. */
    public KeyGenerations signing() {
        return generations.get(MessageKeyPurpose.SIGNING);
    }

    /** The RSA encryption keys. */
    public KeyGenerations encryption() {
        return generations.get(MessageKeyPurpose.ENCRYPTION);
    }

    public Optional<KeyGenerations> generations(MessageKeyPurpose purpose) {
        return Optional.ofNullable(generations.get(purpose));
    }

    /**
     * The keys in use, found by suite: per suite the current signing key, and every encryption key a partner
     * may still be using (current first). What the AS4 builder and opener are given.
     */
    public OwnKeys ownKeys() {
        List<PrivateKeyEntry> signingKeys = new ArrayList<>();
        List<PrivateKeyEntry> decryptionKeys = new ArrayList<>();
        generations.forEach((purpose, keys) -> {
            if (purpose.signs()) {
                signingKeys.add(keys.current());
            } else {
                decryptionKeys.addAll(keys.inUse());
            }
        });
        return OwnKeys.of(signingKeys, decryptionKeys);
    }

    /** The RSA signing key in use. */
    public PrivateKeyEntry signingKey() {
        return signing().current();
    }

    /** Every encryption key in use, of all suites. */
    public List<PrivateKeyEntry> decryptionKeys() {
        List<PrivateKeyEntry> keys = new ArrayList<>();
        generations.forEach((purpose, g) -> {
            if (!purpose.signs()) {
                keys.addAll(g.inUse());
            }
        });
        return Collections.unmodifiableList(keys);
    }
}
