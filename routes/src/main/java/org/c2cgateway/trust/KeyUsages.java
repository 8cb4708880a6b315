package org.c2cgateway.trust;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What each use requires of a certificate's key usage and extended key usage (RFC 5280 4.2.1.3 and
 * 4.2.1.12): a WS-Security signer needs digitalSignature or nonRepudiation; a TLS client needs the
 * clientAuth purpose, and digitalSignature when key usage is restricted. An absent key usage
 * extension restricts nothing; for TLS the clientAuth purpose must be stated, as gateway TLS
 * certificates always are.
 */
final class KeyUsages {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private KeyUsages() {
    }

    /** What is missing for {@code use}, or empty when the certificate may be used for it. */
    static Optional<String> problem(X509Certificate certificate, CertificateUse use) {
        boolean[] usage = certificate.getKeyUsage();
        if (use == CertificateUse.SIGNING) {
            return usage == null || usage[DIGITAL_SIGNATURE] || usage[NON_REPUDIATION] ? Optional.empty()
                    : Optional.of("(key usage allows neither digitalSignature nor nonRepudiation)");
        }
        List<String> purposes;
        try {
            purposes = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return Optional.of("(unreadable extended key usage: " + e.getMessage() + ")");
        }
        if (purposes == null || !(purposes.contains(CLIENT_AUTH) || purposes.contains(ANY_EXTENDED_KEY_USAGE))) {
            return Optional.of("(extended key usage does not include clientAuth)");
        }
        return usage == null || usage[DIGITAL_SIGNATURE] ? Optional.empty()
                : Optional.of("(key usage does not allow digitalSignature)");
    }
}
