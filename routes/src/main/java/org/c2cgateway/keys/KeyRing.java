package org.c2cgateway.keys;

import java.util.List;
import java.util.Objects;

import org.c2cgateway.security.PrivateKeyEntry;

/**
 * This gateway's own message keys. It signs messages and receipts with the current signing key only
 * (partners learn a new signing certificate before the switch, so one signature is enough), and decrypts
 * with whichever encryption key the sender chose: during a rollover a partner may encrypt to our current
 * key, to the next one it has already taken up, or to the previous one it has not yet let go of.
 *
 * <p>Signing and encryption keys are separate purposes; a key is used for decryption only when it is
 * configured as an encryption key, even where one key pair serves both.
 */
public record KeyRing(KeyGenerations signing, KeyGenerations encryption) {

    public KeyRing {
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(encryption, "encryption");
    }

    public PrivateKeyEntry signingKey() {
        return signing.current();
    }

    public List<PrivateKeyEntry> decryptionKeys() {
        return encryption.inUse();
    }
}
