package org.c2cgateway.trust;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.c2cgateway.security.Certificates;

/**
 * Everything that decides whether a certificate speaks for one partner: the CAs that issue its
 * certificates, and, per use, which of their certificates are the partner's. Immutable; a reload
 * replaces it as a whole.
 *
 * @param partner    the partner's name in refusals (its country code)
 * @param issuingCas the CAs that issue the partner's certificates directly; never empty
 * @param signing    the certificates accepted for its WS-Security signatures (messages and receipts)
 * @param tls        the certificates accepted as its TLS client certificate
 */
public record PartnerTrust(String partner, List<X509Certificate> issuingCas, AcceptedCertificates signing,
                           AcceptedCertificates tls) {

    public PartnerTrust {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(tls, "tls");
        issuingCas = List.copyOf(Objects.requireNonNull(issuingCas, "issuingCas"));
        if (issuingCas.isEmpty()) {
            throw new IllegalArgumentException("partner " + partner + " has no issuing CA");
        }
        for (X509Certificate ca : issuingCas) {
            if (ca.getBasicConstraints() < 0) {
                throw new IllegalArgumentException("the issuing CA configured for partner " + partner + " is not a CA "
                        + "certificate (no basicConstraints cA=true): " + Certificates.describe(ca));
            }
        }
    }

    public AcceptedCertificates accepted(CertificateUse use) {
        return use == CertificateUse.SIGNING ? signing : tls;
    }

    /**
     * The CA that issued {@code certificate}: its name must be the certificate's issuer and its key
     * must verify the certificate's signature, so that a self-made certificate carrying a trusted
     * issuer name is not taken for one of the CA's.
     */
    public Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        for (X509Certificate ca : issuingCas) {
            if (ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) && signedBy(certificate, ca)) {
                return Optional.of(ca);
            }
        }
        return Optional.empty();
    }

    /** Whether a CA of the certificate's issuer name is trusted, whatever key signed it. */
    boolean trustsIssuerName(X509Certificate certificate) {
        return issuingCas.stream().anyMatch(ca -> ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }

    static boolean signedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
