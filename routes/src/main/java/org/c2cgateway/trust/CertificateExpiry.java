package org.c2cgateway.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The remaining lifetime of every certificate this gateway depends on, so that none expires unseen:
 * a certificate is {@link WatchedCertificate.State#EXPIRING} from {@link #warnBefore} ahead.
 */
public final class CertificateExpiry {

    /** Thirty days: time enough to have a new certificate issued and pinned by every partner. */
    public static final Duration DEFAULT_WARN_BEFORE = Duration.ofDays(30);

    private final Supplier<List<WatchedCertificate>> certificates;
    private final Duration warnBefore;

    public CertificateExpiry(List<WatchedCertificate> certificates, Duration warnBefore) {
        this(fixed(certificates), warnBefore);
    }

    /** @param certificates the certificates in force at each call: keys and partner certificates are reloaded */
    public CertificateExpiry(Supplier<List<WatchedCertificate>> certificates, Duration warnBefore) {
        this.certificates = certificates;
        this.warnBefore = warnBefore;
    }

    private static Supplier<List<WatchedCertificate>> fixed(List<WatchedCertificate> certificates) {
        List<WatchedCertificate> copy = List.copyOf(certificates);
        return () -> copy;
    }

    public List<WatchedCertificate> certificates() {
        return List.copyOf(certificates.get());
    }

    public Duration warnBefore() {
        return warnBefore;
    }

    public WatchedCertificate.State state(WatchedCertificate certificate, Instant now) {
        return certificate.state(now, warnBefore);
    }

    /** How urgent the certificates' state is, as a whole. */
    public enum Urgency {
        /** Nothing expires within the warning period. */
        NONE,
        /**
         * A certificate expires within the warning period, or a partner's has expired: the gateway still
         * serves, an operator must act.
         */
        ACT_SOON,
        /** One of this gateway's own certificates is expired or not yet valid: partners refuse what it sends. */
        UNUSABLE
    }

    /**
     * The most urgent state of any certificate. A partner certificate not yet valid (a next key pinned
     * ahead of its validity) is no cause for action.
     */
    public Urgency urgency(Instant now) {
        Urgency worst = Urgency.NONE;
        for (WatchedCertificate c : certificates()) {
            WatchedCertificate.State state = state(c, now);
            if (c.own() && (state == WatchedCertificate.State.EXPIRED || state == WatchedCertificate.State.NOT_YET_VALID)) {
                return Urgency.UNUSABLE;
            }
            if (state == WatchedCertificate.State.EXPIRING || state == WatchedCertificate.State.EXPIRED) {
                worst = Urgency.ACT_SOON;
            }
        }
        return worst;
    }

    /** One line per certificate that is not simply valid, for the log. */
    public List<String> warnings(Instant now) {
        return certificates().stream().map(c -> warning(c, now)).flatMap(Optional::stream).toList();
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
