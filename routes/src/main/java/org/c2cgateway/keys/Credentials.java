package org.c2cgateway.keys;

import java.util.Objects;

import org.c2cgateway.partner.PartnerDirectory;

/**
 * What this gateway signs and decrypts with, and what it knows of its partners (their endpoints and the
 * certificates it encrypts to and accepts), at one moment. Immutable: a reload builds a new one and puts it
 * in force whole, so a message is always handled with one consistent set, never half old and half new.
 */
public record Credentials(KeyRing keys, PartnerDirectory partners) {

    public Credentials {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(partners, "partners");
    }
}
