package org.c2cgateway.trust;

import java.util.List;

/**
 * The outcome of checking one certificate: every finding against it (never just the first), and the
 * warnings of an accepted certificate (a revocation status unknown under {@link RevocationPolicy#FAIL_OPEN}).
 */
public record CertificateVerdict(List<CertificateFinding> findings, List<String> warnings) {

    public CertificateVerdict {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    public boolean accepted() {
        return findings.isEmpty();
    }
}
