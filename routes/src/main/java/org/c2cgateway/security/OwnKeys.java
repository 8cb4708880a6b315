package org.c2cgateway.security;

import java.util.List;
import java.util.Optional;

/**
 * The private keys a gateway holds, found by the crypto suite they serve: an RSA key signs and
 * decrypts in eDelivery AS4 1.x; an Ed25519 key signs and an X25519 key decrypts in the 2.0 EC suite.
 *
 * <p>Which suite a key serves follows from its type, so a key can never be used in a suite it does
 * not belong to; only its role (signing or decrypting) is said by the configuration, since an RSA
 * gateway may keep its signing and encryption keys apart. Immutable.
 */
public final class OwnKeys {

    private final List<PrivateKeyEntry> signing;
    private final List<PrivateKeyEntry> decryption;

    private OwnKeys(List<PrivateKeyEntry> signing, List<PrivateKeyEntry> decryption) {
        this.signing = List.copyOf(signing);
        this.decryption = List.copyOf(decryption);
    }

    /** Keys that each both sign and decrypt in their suite (an Ed25519 key only signs, X25519 only decrypts). */
    public static OwnKeys of(PrivateKeyEntry... keys) {
        return new OwnKeys(List.of(keys), List.of(keys));
    }

    public static OwnKeys of(List<PrivateKeyEntry> signingKeys, List<PrivateKeyEntry> decryptionKeys) {
        return new OwnKeys(signingKeys, decryptionKeys);
    }

    /** The key we sign with in {@code suite}, if we hold one. */
    public Optional<PrivateKeyEntry> signingKey(CryptoSuite suite) {
        return ofType(signing, suite.signingKeyType());
    }

    /** The key partners encrypt to in {@code suite}, if we hold one: the first, our current one. */
    public Optional<PrivateKeyEntry> decryptionKey(CryptoSuite suite) {
        return ofType(decryption, suite.encryptionKeyType());
    }

    /**
     * Every key of {@code suite} a partner may encrypt to, in the given order: while keys roll over our
     * current one, and the next or previous one.
     */
    public List<PrivateKeyEntry> decryptionKeys(CryptoSuite suite) {
        return decryption.stream().filter(k -> isOfType(k, suite.encryptionKeyType())).toList();
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

    private static Optional<PrivateKeyEntry> ofType(List<PrivateKeyEntry> keys, KeyType type) {
        return keys.stream().filter(k -> isOfType(k, type)).findFirst();
    }

    private static boolean isOfType(PrivateKeyEntry key, KeyType type) {
        return KeyType.of(key.certificate().getPublicKey()).orElse(null) == type;
    }

    @Override
    public String toString() {
        return "OwnKeys[signing=" + signing + ", decryption=" + decryption + "]";
    }
}
