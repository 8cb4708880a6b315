package org.c2cgateway.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;

/**
 * This gateway's own administration: its country, its AS4 party id and the keys it signs and decrypts with.
 *
 * @param messageKey the RSA key of eDelivery AS4 1.x, which both signs and decrypts
 * @param suiteKeys  further keys for other crypto suites, e.g. the Ed25519 signing and X25519 decryption
 *                   keys of eDelivery AS4 2.0; which suite a key serves follows from its type
 */
public record OwnIdentity(String country, String partyId, PrivateKeyEntry messageKey, List<PrivateKeyEntry> suiteKeys) {

    public OwnIdentity {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(messageKey, "messageKey");
        suiteKeys = suiteKeys == null ? List.of() : List.copyOf(suiteKeys);
    }

    public OwnIdentity(String country, String partyId, PrivateKeyEntry messageKey) {
        this(country, partyId, messageKey, List.of());
    }

    /** All our keys, to be found by the suite they serve. */
    public OwnKeys keys() {
        List<PrivateKeyEntry> all = new ArrayList<>();
        all.add(messageKey);
        all.addAll(suiteKeys);
        return OwnKeys.of(all, all);
    }

    /** A new gateway message id: globally unique, and telling at a glance which gateway minted it. */
    public String newMessageId() {
        return java.util.UUID.randomUUID() + "@" + partyId.toLowerCase(java.util.Locale.ROOT) + ".c2c-gateway";
    }
}
