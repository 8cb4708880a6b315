package org.c2cgateway.security;

import java.util.List;
import java.util.Optional;

/**
 * The private keys a gateway holds, found by the crypto suite they serve: an RSA key signs and
 * decrypts in eDelivery AS4 1.x; an Ed25519 key signs and an X25519 key decrypts in the 2.0 EC suite.
 *
 * <p>Which key serves which suite follows from its type alone, so a configuration lists keys, not
 * roles, and a key can never be used in a suite it does not belong to. Immutable.
 */
public final class OwnKeys {

    private final List<PrivateKeyEntry> keys;

    private OwnKeys(List<PrivateKeyEntry> keys) {
        this.keys = List.copyOf(keys);
    }

    public static OwnKeys of(PrivateKeyEntry... keys) {
        return new OwnKeys(List.of(keys));
    }

    public static OwnKeys of(List<PrivateKeyEntry> keys) {
        return new OwnKeys(keys);
    }

    /** The key we sign with in {@code suite}, if we hold one. */
    public Optional<PrivateKeyEntry> signingKey(CryptoSuite suite) {
        return ofType(suite.signingKeyType());
    }

    /** The key partners encrypt to in {@code suite}, if we hold one. */
    public Optional<PrivateKeyEntry> decryptionKey(CryptoSuite suite) {
        return ofType(suite.encryptionKeyType());
    }

    /** The signing key of {@code suite}; for our own sending, where a missing key is a configuration error. */
    public PrivateKeyEntry requireSigningKey(CryptoSuite suite) {
        return signingKey(suite).orElseThrow(() -> new IllegalStateException("this gateway holds no "
                + suite.signingKeyType().label() + " signing key, which suite " + suite + " needs"));
    }

    /** Whether we can both sign and decrypt in {@code suite}. */
    public boolean supports(CryptoSuite suite) {
        return signingKey(suite).isPresent() && decryptionKey(suite).isPresent();
    }

    private Optional<PrivateKeyEntry> ofType(KeyType type) {
        return keys.stream().filter(k -> KeyType.of(k.certificate().getPublicKey()).orElse(null) == type)
                .findFirst();
    }

    @Override
    public String toString() {
        return "OwnKeys" + keys;
    }
}
