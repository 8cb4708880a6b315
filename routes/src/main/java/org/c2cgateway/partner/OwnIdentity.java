package org.c2cgateway.partner;

import java.util.Objects;

/**
 * This gateway's own administration: its country and its AS4 party id. Its keys are in
 * {@code org.c2cgateway.keys}, apart from the identity, because they change while the gateway runs.
 */
public record OwnIdentity(String country, String partyId) {

    public OwnIdentity {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(partyId, "partyId");
    }

    /** A new gateway message id: globally unique, and telling at a glance which gateway minted it. */
    public String newMessageId() {
        return java.util.UUID.randomUUID() + "@" + partyId.toLowerCase(java.util.Locale.ROOT) + ".c2c-gateway";
    }
}
