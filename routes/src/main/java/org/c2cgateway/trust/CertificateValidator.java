package org.c2cgateway.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.c2cgateway.security.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a certificate presented for a partner is that partner's, at a given time (the time
 * of reception): issued by one of its CAs, accepted for the use, within its validity (and its CA's),
 * strong enough, with the right key usage, and not revoked. Every failed check is a finding, so a
 * refusal names all of them.
 *
 * <p>Thread-safe.
 */
public final class CertificateValidator {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateValidator.class);

    private final RevocationLists revocation;
    private final RevocationPolicy onUnavailable;

    public CertificateValidator(RevocationLists revocation, RevocationPolicy onUnavailable) {
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.onUnavailable = Objects.requireNonNull(onUnavailable, "onUnavailable");
    }

    /**
     * @return the warnings to record with the accepted certificate
     * @throws CertificateRefusedException naming the certificate and every finding
     */
    public List<String> verify(X509Certificate certificate, CertificateUse use, PartnerTrust trust, Instant at)
            throws CertificateRefusedException {
        CertificateVerdict verdict = check(certificate, use, trust, at);
        if (!verdict.accepted()) {
            throw new CertificateRefusedException(trust.partner(), use, certificate, verdict.findings());
        }
        return verdict.warnings();
    }

    public CertificateVerdict check(X509Certificate certificate, CertificateUse use, PartnerTrust trust, Instant at) {
        List<CertificateFinding> findings = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<X509Certificate> ca = trust.issuerOf(certificate);
        if (ca.isEmpty()) {
            findings.add(new CertificateFinding(RefusalReason.UNTRUSTED_ISSUER, "(issuer \""
                    + certificate.getIssuerX500Principal().getName() + "\"" + (trust.trustsIssuerName(certificate)
                    ? ": a CA of that name is trusted, but its key did not sign this certificate)" : ")")));
        }
        AcceptedCertificates accepted = trust.accepted(use);
        if (!accepted.accepts(certificate)) {
            findings.add(new CertificateFinding(RefusalReason.NOT_ACCEPTED, "as its " + use.label() + " (accepted: "
                    + accepted.describe() + ")"));
        }
        Validity.of(certificate, at).ifPresent(findings::add);
        ca.flatMap(issuer -> Validity.of(issuer, at))
                .map(f -> new CertificateFinding(f.reason(), "(its issuing CA \"" + ca.get().getSubjectX500Principal().getName()
                        + "\" " + f.reason().description() + " " + f.detail() + ")"))
                .ifPresent(findings::add);
        KeyStrength.weakness(certificate.getPublicKey())
                .ifPresent(why -> findings.add(new CertificateFinding(RefusalReason.WEAK_KEY, why)));
        KeyUsages.problem(certificate, use)
                .ifPresent(why -> findings.add(new CertificateFinding(RefusalReason.WRONG_KEY_USAGE, why)));
        ca.ifPresent(issuer -> checkRevocation(certificate, use, issuer, trust, at, findings, warnings));
        return new CertificateVerdict(findings, warnings);
    }

    private void checkRevocation(X509Certificate certificate, CertificateUse use, X509Certificate ca, PartnerTrust trust,
                                 Instant at, List<CertificateFinding> findings, List<String> warnings) {
        RevocationStatus status = revocation.status(certificate, ca, at);
        switch (status.state()) {
            case REVOKED -> findings.add(new CertificateFinding(RefusalReason.REVOKED, status.detail()));
            case UNKNOWN -> {
                if (onUnavailable == RevocationPolicy.FAIL_CLOSED) {
                    findings.add(new CertificateFinding(RefusalReason.REVOCATION_UNKNOWN, status.detail()));
                } else {
                    String warning = "revocation status of the " + use.label() + " of partner " + trust.partner() + " ("
                            + Certificates.describe(certificate) + ") unknown, accepted (FAIL_OPEN) " + status.detail();
                    LOG.warn(warning);
                    warnings.add(warning);
                }
            }
            default -> {
                // GOOD, or NOT_CHECKED because no CRL is configured
            }
        }
    }
}
