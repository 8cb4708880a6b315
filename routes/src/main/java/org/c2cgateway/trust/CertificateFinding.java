package org.c2cgateway.trust;

import java.util.Objects;

/**
 * One reason a certificate is refused, with what makes it precise: a date, a CA, a constraint.
 *
 * @param detail for example {@code "on 2025-01-31T00:00:00Z"}; may be empty
 */
public record CertificateFinding(RefusalReason reason, String detail) {

    public CertificateFinding {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? reason.description() : reason.description() + " " + detail;
    }
}
