package org.c2cgateway.security;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Certificate comparison and description helpers.
 *
 * <p>A pinned certificate is "this exact certificate": a BinarySecurityToken in a message is
 * attacker-controlled, so we compare the DER encodings byte for byte.
 */
public final class Certificates {

    private Certificates() {
    }

    /** True when both certificates are non-null and have identical DER encodings. */
    public static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        if (a == null || b == null) {
            return false;
        }
        if (a == b) {
            return true;
        }
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    /** Short, log-safe identification: subject, issuer and serial number. */
    public static String describe(X509Certificate c) {
        if (c == null) {
            return "(none)";
        }
        return "subject=\"" + c.getSubjectX500Principal().getName() + "\", issuer=\""
                + c.getIssuerX500Principal().getName() + "\", serial=" + c.getSerialNumber().toString(16);
    }
}
