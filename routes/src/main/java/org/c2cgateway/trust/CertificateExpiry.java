package org.c2cgateway.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The remaining lifetime of every certificate this gateway depends on, so that none expires unseen:
 * a certificate is {@link WatchedCertificate.State#EXPIRING} from {@link #warnBefore} ahead.
 */
public final class CertificateExpiry {

    /** Thirty days: time enough to have a new certificate issued and pinned by every partner. */
    public static final Duration DEFAULT_WARN_BEFORE = Duration.ofDays(30);

    private final List<WatchedCertificate> certificates;
    private final Duration warnBefore;

    public CertificateExpiry(List<WatchedCertificate> certificates, Duration warnBefore) {
        this.certificates = List.copyOf(certificates);
        this.warnBefore = warnBefore;
    }

    public List<WatchedCertificate> certificates() {
        return certificates;
    }

    public Duration warnBefore() {
        return warnBefore;
    }

    public WatchedCertificate.State state(WatchedCertificate certificate, Instant now) {
        return certificate.state(now, warnBefore);
    }

    /** One line per certificate that is not simply valid, for the log. */
    public List<String> warnings(Instant now) {
        return certificates.stream().map(c -> warning(c, now)).flatMap(Optional::stream).toList();
    }

    private Optional<String> warning(WatchedCertificate c, Instant now) {
        return switch (state(c, now)) {
            case VALID -> Optional.empty();
            case EXPIRING -> Optional.of(c.label() + " expires in " + c.daysLeft(now) + " day(s), on " + c.notAfter());
            case EXPIRED -> Optional.of(c.label() + " expired on " + c.notAfter());
            case NOT_YET_VALID -> Optional.of(c.label() + " is not valid before "
                    + c.certificate().getNotBefore().toInstant());
        };
    }
}
