package org.c2cgateway.trust;

import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.c2cgateway.security.Certificates;

/**
 * A partner's certificate is refused. The message names the use, the certificate (subject, issuer,
 * serial), the partner and every finding, because it is what the partner reads in our ebMS error and
 * what the operator reads in the log.
 */
public final class CertificateRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient X509Certificate certificate;
    private final CertificateUse use;
    private final List<CertificateFinding> findings;

    public CertificateRefusedException(String partner, CertificateUse use, X509Certificate certificate,
                                       List<CertificateFinding> findings) {
        super(describe(partner, use, certificate, findings));
        this.certificate = certificate;
        this.use = use;
        this.findings = List.copyOf(findings);
    }

    /** E.g. {@code the signing certificate (subject="CN=...", issuer="...", serial=1f) is refused for partner RS: expired on ...}. */
    static String describe(String partner, CertificateUse use, X509Certificate certificate,
                           List<CertificateFinding> findings) {
        return "the " + use.label() + " (" + Certificates.describe(certificate) + ") is refused for partner " + partner
                + ": " + findings.stream().map(CertificateFinding::toString).collect(Collectors.joining("; "));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public CertificateUse use() {
        return use;
    }

    public List<CertificateFinding> findings() {
        return findings;
    }

    public Set<RefusalReason> reasons() {
        Set<RefusalReason> reasons = EnumSet.noneOf(RefusalReason.class);
        findings.forEach(f -> reasons.add(f.reason()));
        return reasons;
    }
}
