package org.c2cgateway.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** A certificate's validity period against the time of the check, with the date that was crossed. */
final class Validity {

    private Validity() {
    }

    static Optional<CertificateFinding> of(X509Certificate certificate, Instant at) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        if (at.isAfter(notAfter)) {
            return Optional.of(new CertificateFinding(RefusalReason.EXPIRED, "on " + notAfter));
        }
        if (at.isBefore(notBefore)) {
            return Optional.of(new CertificateFinding(RefusalReason.NOT_YET_VALID, "until " + notBefore));
        }
        return Optional.empty();
    }
}
