package org.c2cgateway.partner;

import java.util.Objects;

import org.c2cgateway.security.PrivateKeyEntry;

/** This gateway's own administration: its country, its AS4 party id and the key it signs and decrypts with. */
public record OwnIdentity(String country, String partyId, PrivateKeyEntry messageKey) {

    public OwnIdentity {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(messageKey, "messageKey");
    }

    /** A new gateway message id: globally unique, and telling at a glance which gateway minted it. */
    public String newMessageId() {
        return java.util.UUID.randomUUID() + "@" + partyId.toLowerCase(java.util.Locale.ROOT) + ".c2c-gateway";
    }
}
