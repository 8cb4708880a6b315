package org.c2cgateway.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.c2cgateway.security.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRLs of the partners' issuing CAs, each taken only when the CA's key verifies it, and kept up
 * to date: a source is fetched again every refresh interval, and sooner (every {@link #tick()}) while
 * it has no good CRL or its CRL is past nextUpdate. A failed refresh keeps the last good CRL, until
 * that goes stale; then the status of that CA's certificates is unknown, never silently good.
 *
 * <p>Which CA a configured source belongs to is learnt from the CRL it serves. So while any source has
 * never loaded, a CA without a CRL may be waiting for exactly that one, and its certificates' status is
 * unknown, naming the failing source. Once every source has loaded, a CA none of them covers is
 * reported as having no CRL configured (also unknown): with revocation configured, every CA is checked.
 * With no source at all, revocation is not checked ({@link RevocationStatus.State#NOT_CHECKED}).
 *
 * <p>Thread-safe: refreshes are serialised, lookups read immutable snapshots.
 */
public final class RevocationLists {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationLists.class);
    private static final Duration MAX_TICK = Duration.ofMinutes(1);

    /** What is known of one source: its last good CRL and CA, and how the last attempt went. */
    public record SourceState(String location, X509CRL crl, X509Certificate ca, Instant lastAttempt,
                              String lastFailure) {

        boolean staleAt(Instant at) {
            return crl != null && crl.getNextUpdate() != null && at.isAfter(crl.getNextUpdate().toInstant());
        }

        public Optional<Instant> nextUpdate() {
            return crl == null || crl.getNextUpdate() == null ? Optional.empty()
                    : Optional.of(crl.getNextUpdate().toInstant());
        }
    }

    private record Source(CrlSource source, AtomicReference<SourceState> state) {
    }

    private final List<Source> sources;
    private final List<X509Certificate> cas;
    private final Duration refreshInterval;

    /**
     * @param cas             every partner's issuing CAs: a CRL is taken only when one of them signed it
     * @param refreshInterval how often a source is fetched again when all is well
     */
    public RevocationLists(List<CrlSource> sources, Collection<X509Certificate> cas, Duration refreshInterval) {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("the CRL refresh interval must be positive, got " + refreshInterval);
        }
        this.sources = sources.stream()
                .map(s -> new Source(s, new AtomicReference<>(new SourceState(s.location(), null, null, null, null))))
                .toList();
        this.cas = List.copyOf(cas);
        this.refreshInterval = refreshInterval;
    }

    /** No CRL configured: revocation is not checked. */
    public static RevocationLists none() {
        return new RevocationLists(List.of(), List.of(), Duration.ofHours(1));
    }

    public boolean checksRevocation() {
        return !sources.isEmpty();
    }

    /** How often {@link #refreshDue} should be called: the refresh interval, at most a minute. */
    public Duration tick() {
        return refreshInterval.compareTo(MAX_TICK) < 0 ? refreshInterval : MAX_TICK;
    }

    /** Fetches every source now; at start-up, so that the first message is judged on loaded CRLs. */
    public synchronized void refreshAll(Instant now) {
        sources.forEach(s -> refresh(s, now));
    }

    /** Fetches the sources that are due (see the class comment). */
    public synchronized void refreshDue(Instant now) {
        for (Source s : sources) {
            SourceState state = s.state().get();
            if (due(state, now)) {
                refresh(s, now);
            }
        }
    }

    public List<SourceState> states() {
        return sources.stream().map(s -> s.state().get()).toList();
    }

    /** The status of {@code certificate}, issued by {@code ca} (already verified), at {@code at}. */
    public RevocationStatus status(X509Certificate certificate, X509Certificate ca, Instant at) {
        if (sources.isEmpty()) {
            return RevocationStatus.notChecked();
        }
        List<SourceState> ofCa = states().stream()
                .filter(s -> s.crl() != null && Certificates.sameCertificate(s.ca(), ca)).toList();
        Optional<SourceState> current = ofCa.stream().filter(s -> !s.staleAt(at))
                .max(Comparator.comparing(s -> s.crl().getThisUpdate()));
        if (current.isPresent()) {
            X509CRLEntry entry = current.get().crl().getRevokedCertificate(certificate);
            return entry == null ? RevocationStatus.good() : RevocationStatus.revoked(describe(entry));
        }
        String caName = "\"" + ca.getSubjectX500Principal().getName() + "\"";
        if (!ofCa.isEmpty()) {
            SourceState stale = ofCa.get(0);
            return RevocationStatus.unknown("(the CRL of CA " + caName + " from " + stale.location()
                    + " is stale: its next update was due " + stale.crl().getNextUpdate().toInstant()
                    + (stale.lastFailure() == null ? "" : "; refreshing it failed: " + stale.lastFailure()) + ")");
        }
        List<SourceState> missing = states().stream().filter(s -> s.crl() == null).toList();
        if (!missing.isEmpty()) {
            return RevocationStatus.unknown("(no CRL of CA " + caName + " is loaded: " + missing.stream()
                    .map(s -> s.location() + ": " + (s.lastFailure() == null ? "not loaded yet" : s.lastFailure()))
                    .collect(Collectors.joining("; ")) + ")");
        }
        return RevocationStatus.unknown("(no CRL of CA " + caName + " is among the configured revocation lists)");
    }

    private boolean due(SourceState state, Instant now) {
        if (state.lastAttempt() == null) {
            return true;
        }
        boolean unwell = state.crl() == null || state.lastFailure() != null || state.staleAt(now);
        Duration wait = unwell ? tick() : refreshInterval;
        return !now.isBefore(state.lastAttempt().plus(wait));
    }

    private void refresh(Source source, Instant now) {
        SourceState before = source.state().get();
        try {
            X509CRL crl = parse(source.source().fetch());
            X509Certificate ca = issuerOf(crl);
            if (before.crl() != null && Certificates.sameCertificate(before.ca(), ca)
                    && crl.getThisUpdate().before(before.crl().getThisUpdate())) {
                throw new CrlRejected("it is older (thisUpdate " + crl.getThisUpdate().toInstant()
                        + ") than the CRL already loaded (thisUpdate " + before.crl().getThisUpdate().toInstant() + ")");
            }
            SourceState after = new SourceState(source.source().location(), crl, ca, now, null);
            source.state().set(after);
            if (after.staleAt(now)) {
                LOG.warn("CRL {} of CA \"{}\" is already past its next update ({}): certificates of that CA have "
                        + "an unknown revocation status until it is renewed", after.location(),
                        ca.getSubjectX500Principal().getName(), crl.getNextUpdate().toInstant());
            } else if (before.crl() == null || !before.crl().equals(crl)) {
                LOG.info("CRL {} of CA \"{}\" loaded: {} revoked certificate(s), next update {}", after.location(),
                        ca.getSubjectX500Principal().getName(), crl.getRevokedCertificates() == null ? 0
                                : crl.getRevokedCertificates().size(), after.nextUpdate().map(Instant::toString).orElse("not set"));
            }
        } catch (IOException | GeneralSecurityException | CrlRejected e) {
            String why = e instanceof NoSuchFileException ? "no such file " + e.getMessage()
                    : e.getMessage() == null ? e.toString() : e.getMessage();
            source.state().set(new SourceState(before.location(), before.crl(), before.ca(), now, why));
            LOG.warn("CRL {} could not be refreshed: {}; {}", before.location(), why, before.crl() == null
                    ? "no CRL from it is loaded" : "keeping the one loaded before, next update "
                    + before.nextUpdate().map(Instant::toString).orElse("not set"));
        }
    }

    private static X509CRL parse(byte[] bytes) throws GeneralSecurityException {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
    }

    private X509Certificate issuerOf(X509CRL crl) throws CrlRejected {
        List<X509Certificate> named = cas.stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal())).toList();
        if (named.isEmpty()) {
            throw new CrlRejected("it is issued by \"" + crl.getIssuerX500Principal().getName()
                    + "\", which is not the issuing CA of any partner");
        }
        for (X509Certificate ca : named) {
            try {
                crl.verify(ca.getPublicKey());
                return ca;
            } catch (GeneralSecurityException e) {
                // another CA of the same name may have signed it; tried next
            }
        }
        throw new CrlRejected("its signature does not verify with the key of CA \""
                + crl.getIssuerX500Principal().getName() + "\"");
    }

    private static String describe(X509CRLEntry entry) {
        return "on " + entry.getRevocationDate().toInstant() + " (reason: "
                + (entry.getRevocationReason() == null ? "unspecified" : entry.getRevocationReason()) + ")";
    }

    /** A CRL that was read but must not be used. */
    private static final class CrlRejected extends Exception {

        private static final long serialVersionUID = 1L;

        CrlRejected(String why) {
            super(Objects.requireNonNull(why));
        }
    }
}
