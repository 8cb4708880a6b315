package org.c2cgateway.trust;

import java.util.Objects;

/**
 * A certificate's revocation status at one time, as far as the loaded CRLs tell.
 *
 * @param detail the revocation date and reason, or why the status is unknown; empty when good
 */
public record RevocationStatus(State state, String detail) {

    public enum State {
        /** On no CRL, and its CA's CRL is current. */
        GOOD,
        REVOKED,
        /** Its CA's CRL is not loaded or is stale. */
        UNKNOWN,
        /** No CRL is configured at all: revocation checking is off. */
        NOT_CHECKED
    }

    public RevocationStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }

    static RevocationStatus good() {
        return new RevocationStatus(State.GOOD, "");
    }

    static RevocationStatus notChecked() {
        return new RevocationStatus(State.NOT_CHECKED, "");
    }

    static RevocationStatus revoked(String detail) {
        return new RevocationStatus(State.REVOKED, detail);
    }

    static RevocationStatus unknown(String detail) {
        return new RevocationStatus(State.UNKNOWN, detail);
    }
}
