package org.c2cgateway.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the two CRL files of a PKI directory: {@code issuing-ca.crl} for gateway certificates
 * and {@code root-ca.crl} for the issuing CA.
 *
 * <p>Each change reads the current file, checks that it is signed by the expected CA, and
 * writes a complete re-signed CRL with the next CRL number, atomically.
 */
final class CrlPublisher {

    /** nextUpdate of a fresh CRL unless told otherwise: long enough for a committed dev PKI. */
    static final Duration DEFAULT_NEXT_UPDATE = Duration.ofDays(365);

    private final PkiLayout layout;
    private final CertificateAuthority root;
    private final CertificateAuthority issuing;

    CrlPublisher(PkiLayout layout, CertificateAuthority root, CertificateAuthority issuing) {
        this.layout = layout;
        this.root = root;
        this.issuing = issuing;
    }

    /** Writes the first, empty CRLs of both CAs. */
    void publishEmpty(Duration nextUpdateIn) {
        Instant now = now();
        PkiFiles.writePem(layout.rootCrl(), RevocationList.first(root, now, now.plus(nextUpdateIn)));
        PkiFiles.writePem(layout.issuingCrl(), RevocationList.first(issuing, now, now.plus(nextUpdateIn)));
    }

    /**
     * Lists {@code certificate} in the CRL of the CA that issued it, keeping that CRL's
     * interval between thisUpdate and nextUpdate.
     *
     * @return the new CRL
     * @throws IllegalArgumentException if neither CA of this PKI issued the certificate, or it
     *         is already revoked
     */
    X509CRL revoke(X509Certificate certificate, CRLReason reason) {
        if (!RevocationList.allowedInCrl(reason)) {
            throw new IllegalArgumentException("Revocation reason " + reason
                    + " cannot be used in a complete CRL (RFC 5280 section 5.3.1)");
        }
        CertificateAuthority ca = issuerOf(certificate);
        Path file = fileOf(ca);
        X509CRL previous = read(file);
        Instant now = now();
        X509CRL next = RevocationList.revoke(ca, previous, certificate, reason, now, now.plus(interval(previous)));
        PkiFiles.writePem(file, next);
        return next;
    }

    /** Re-signs the issuing CA's CRL. */
    X509CRL refreshIssuing(Instant thisUpdate, Instant nextUpdate) {
        return refresh(issuing, thisUpdate, nextUpdate);
    }

    /** Re-signs the root CA's CRL. */
    X509CRL refreshRoot(Instant thisUpdate, Instant nextUpdate) {
        return refresh(root, thisUpdate, nextUpdate);
    }

    X509CRL issuingCrl() {
        return read(layout.issuingCrl());
    }

    X509CRL rootCrl() {
        return read(layout.rootCrl());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private X509CRL refresh(CertificateAuthority ca, Instant thisUpdate, Instant nextUpdate) {
        Path file = fileOf(ca);
        X509CRL next = RevocationList.resign(ca, read(file), thisUpdate, nextUpdate);
        PkiFiles.writePem(file, next);
        return next;
    }

    private CertificateAuthority issuerOf(X509Certificate certificate) {
        if (issuing.issued(certificate)) {
            return issuing;
        }
        if (root.issued(certificate) && !certificate.equals(root.certificate())) {
            return root;
        }
        throw new IllegalArgumentException("Certificate " + RevocationList.describe(certificate) + " issued by "
                + certificate.getIssuerX500Principal().getName() + " was not issued by the issuing or root CA of "
                + layout.directory());
    }

    private Path fileOf(CertificateAuthority ca) {
        return ca == root ? layout.rootCrl() : layout.issuingCrl();
    }

    private static X509CRL read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No CRL at " + file + "; regenerate the PKI or run the crl command");
        }
        return PkiFiles.readCrl(file);
    }

    private static Duration interval(X509CRL crl) {
        return Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant());
    }
}
