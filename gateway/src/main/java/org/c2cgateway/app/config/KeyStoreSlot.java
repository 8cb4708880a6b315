package org.c2cgateway.app.config;

import org.c2cgateway.keys.MessageKeyPurpose;

/**
 * One of this gateway's own message keys as configured: a private key entry in a PKCS#12 file, in one slot
 * of a rollover ({@code current}, {@code next}, {@code previous}), for one {@link MessageKeyPurpose}.
 */
public interface KeyStoreSlot {

    /** What the key is for: signing or encryption, in which crypto suite. */
    MessageKeyPurpose purpose();

    /** The slot: {@code current}, {@code next} or {@code previous}. */
    String slot();

    /** The PKCS#12 file, relative to {@code c2c.home} unless absolute. */
    String keyStore();

    /** The store's password, which is also the key's. */
    String password();

    /** The key entry's alias; null for the first key entry in the file. */
    String alias();

    /** Where the slot is configured, e.g. {@code c2c.message-keys.encryption.next}. */
    default String setting() {
        return "c2c.message-keys." + purpose().configName() + "." + slot();
    }
}
