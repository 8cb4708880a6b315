package org.c2cgateway.trust;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate whose remaining lifetime an operator must see coming: one of this gateway's own keys,
 * a partner's pinned certificate or a partner's issuing CA.
 *
 * @param owner       {@code own} or the partner's country code
 * @param role        what it is for, e.g. {@code signing}, {@code tls}, {@code issuing-ca}
 * @param certificate the certificate
 */
public record WatchedCertificate(String owner, String role, X509Certificate certificate) {

    public static final String OWN = "own";

    public enum State { VALID, EXPIRING, EXPIRED, NOT_YET_VALID }

    public WatchedCertificate {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
    }

    public boolean own() {
        return OWN.equals(owner);
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** Whole days until it expires, rounded down; negative once it has. */
    public long daysLeft(Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter()).toSeconds(), Duration.ofDays(1).toSeconds());
    }

    public State state(Instant now, Duration warnBefore) {
        if (now.isAfter(notAfter())) {
            return State.EXPIRED;
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return State.NOT_YET_VALID;
        }
        return now.plus(warnBefore).isAfter(notAfter()) ? State.EXPIRING : State.VALID;
    }

    /** For logs and health: {@code own signing certificate "CN=..." (serial 1f)}. */
    public String label() {
        return owner + " " + role + " certificate \"" + certificate.getSubjectX500Principal().getName() + "\" (serial "
                + certificate.getSerialNumber().toString(16) + ")";
    }
}
