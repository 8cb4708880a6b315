package org.c2cgateway.keys;

import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.PrivateKeyEntry;

/**
 * What one of this gateway's own message keys is for: signing or decryption, in one crypto suite. Each purpose
 * has its own generations (current, next, previous) and rolls over on its own, and is configured under
 * {@code c2c.message-keys.<name>}: {@code signing} and {@code encryption} hold the RSA keys of eDelivery AS4 1.x,
 * {@code signing-ec} the Ed25519 and {@code encryption-ec} the X25519 key of the 2.0 EC suite.
 */
public enum MessageKeyPurpose {
    SIGNING("signing", CryptoSuite.EDELIVERY_AS4_1, true),
    ENCRYPTION("encryption", CryptoSuite.EDELIVERY_AS4_1, false),
    SIGNING_EC("signing-ec", CryptoSuite.EDELIVERY_AS4_2_EC, true),
    ENCRYPTION_EC("encryption-ec", CryptoSuite.EDELIVERY_AS4_2_EC, false);

    private final String configName;
    private final CryptoSuite suite;
    private final boolean signs;

    MessageKeyPurpose(String configName, CryptoSuite suite, boolean signs) {
        this.configName = configName;
        this.suite = suite;
        this.signs = signs;
    }

    /** The name under {@code c2c.message-keys} and in the {@code keys} command, e.g. {@code encryption-ec}. */
    public String configName() {
        return configName;
    }

    public CryptoSuite suite() {
        return suite;
    }

    /** True for a signing key; false for one partners encrypt to, which keeps a previous generation. */
    public boolean signs() {
        return signs;
    }

    /** The purpose named {@code name} in the configuration, e.g. {@code signing-ec}. */
    public static MessageKeyPurpose named(String name) {
        for (MessageKeyPurpose purpose : values()) {
            if (purpose.configName.equals(name)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("no key purpose '" + name + "' (signing, encryption, signing-ec, "
                + "encryption-ec)");
    }

    /**
     * Refuses a key of another type than this purpose's suite needs, e.g. an RSA key as {@code signing-ec}.
     *
     * @throws IllegalArgumentException naming the type found and the one needed
     */
    public void requireKeyType(PrivateKeyEntry key) {
        if (signs) {
            suite.requireSigningKey(key.certificate().getPublicKey(), "the key");
        } else {
            suite.requireEncryptionKey(key.certificate().getPublicKey(), "the key");
        }
    }
}
