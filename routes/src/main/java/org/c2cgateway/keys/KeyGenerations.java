package org.c2cgateway.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.c2cgateway.security.PrivateKeyEntry;

/**
 * The keys of one purpose (signing or encryption) across a rollover. A key is introduced as {@code next}
 * so that partners can take up its certificate before it is used, becomes {@code current} when the gateway
 * switches to it, and stays on as {@code previous} for a grace period, for messages partners encrypted to it
 * before they learned of the switch.
 *
 * @param current  the key in use; never null
 * @param next     the key being introduced, or null
 * @param previous the key being retired, or null
 */
public record KeyGenerations(PrivateKeyEntry current, PrivateKeyEntry next, PrivateKeyEntry previous) {

    public KeyGenerations {
        Objects.requireNonNull(current, "current");
    }

    /** Only a current key: no rollover under way. */
    public static KeyGenerations of(PrivateKeyEntry current) {
        return new KeyGenerations(current, null, null);
    }

    /** Every key a partner may still be using: current first, then next, then previous. */
    public List<PrivateKeyEntry> inUse() {
        List<PrivateKeyEntry> keys = new ArrayList<>(3);
        keys.add(current);
        if (next != null) {
            keys.add(next);
        }
        if (previous != null) {
            keys.add(previous);
        }
        return Collections.unmodifiableList(keys);
    }
}
