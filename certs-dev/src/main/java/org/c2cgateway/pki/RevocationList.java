package org.c2cgateway.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;

/**
 * Builds the X.509 v2 CRL of one CA: every call signs a complete new CRL whose number is one
 * more than the previous one, carrying over all previous entries.
 *
 * <p>A CRL is never edited in place; re-signing a complete list keeps each published file
 * self-contained, which is what a verifier that downloads it on a schedule expects.
 */
final class RevocationList {

    private RevocationList() {
    }

    /**
     * The first, empty CRL of a CA, number 1.
     */
    static X509CRL first(CertificateAuthority ca, Instant thisUpdate, Instant nextUpdate) {
        return sign(builder(ca, thisUpdate, nextUpdate), ca, BigInteger.ONE);
    }

    /**
     * Re-signs {@code previous} with the same entries, a new validity window and the next number.
     *
     * @throws IllegalArgumentException if {@code previous} is not signed by {@code ca}
     */
    static X509CRL resign(CertificateAuthority ca, X509CRL previous, Instant thisUpdate, Instant nextUpdate) {
        X509v2CRLBuilder builder = carryOver(ca, previous, thisUpdate, nextUpdate);
        return sign(builder, ca, number(previous).add(BigInteger.ONE));
    }

    /**
     * Re-signs {@code previous} with one more entry, revoked now.
     *
     * @param reason recorded as the entry's reasonCode; {@link CRLReason#UNSPECIFIED} is written
     *               as no reasonCode at all, as RFC 5280 section 5.3.1 asks
     * @throws IllegalArgumentException if {@code certificate} is already listed, or
     *         {@code previous} is not signed by {@code ca}
     */
    static X509CRL revoke(CertificateAuthority ca, X509CRL previous, X509Certificate certificate, CRLReason reason,
            Instant thisUpdate, Instant nextUpdate) {
        X509CRLEntry existing = previous.getRevokedCertificate(certificate.getSerialNumber());
        if (existing != null) {
            throw new IllegalArgumentException("Certificate " + describe(certificate) + " is already revoked since "
                    + existing.getRevocationDate().toInstant() + " (" + reasonName(reasonOf(existing)) + ")");
        }
        X509v2CRLBuilder builder = carryOver(ca, previous, thisUpdate, nextUpdate);
        builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), reason.ordinal());
        return sign(builder, ca, number(previous).add(BigInteger.ONE));
    }

    /**
     * The CRL number extension of a CRL.
     *
     * @throws IllegalArgumentException if the CRL has none
     */
    static BigInteger number(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            throw new IllegalArgumentException("CRL of " + crl.getIssuerX500Principal() + " has no CRL number");
        }
        try {
            return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).getValue();
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed CRL number in the CRL of " + crl.getIssuerX500Principal(), e);
        }
    }

    /** The RFC 5280 ASN.1 name of a reason, e.g. {@code keyCompromise}. */
    static String reasonName(CRLReason reason) {
        String[] words = reason.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /**
     * Whether a complete CRL may carry the reason: not {@code unused} (value 7, unassigned) and
     * not {@code removeFromCRL}, which only delta CRLs use (RFC 5280 section 5.3.1).
     */
    static boolean allowedInCrl(CRLReason reason) {
        return reason != CRLReason.UNUSED && reason != CRLReason.REMOVE_FROM_CRL;
    }

    /** The entry's reason; an entry without reasonCode is {@link CRLReason#UNSPECIFIED}. */
    static CRLReason reasonOf(X509CRLEntry entry) {
        return entry.getRevocationReason() != null ? entry.getRevocationReason() : CRLReason.UNSPECIFIED;
    }

    /** Subject and serial number, the way an operator recognises a certificate. */
    static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " serial "
                + certificate.getSerialNumber().toString(16);
    }

    private static X509v2CRLBuilder carryOver(CertificateAuthority ca, X509CRL previous, Instant thisUpdate,
            Instant nextUpdate) {
        try {
            previous.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The existing CRL is not signed by "
                    + ca.certificate().getSubjectX500Principal().getName() + "; refusing to extend it", e);
        }
        X509v2CRLBuilder builder = builder(ca, thisUpdate, nextUpdate);
        try {
            builder.addCRL(new JcaX509CRLHolder(previous));
        } catch (CRLException e) {
            throw new IllegalArgumentException("Cannot read the entries of the existing CRL", e);
        }
        return builder;
    }

    private static X509v2CRLBuilder builder(CertificateAuthority ca, Instant thisUpdate, Instant nextUpdate) {
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new IllegalArgumentException("CRL nextUpdate " + nextUpdate + " must be after thisUpdate "
                    + thisUpdate);
        }
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        return builder;
    }

    private static X509CRL sign(X509v2CRLBuilder builder, CertificateAuthority ca, BigInteger number) {
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    CertificateAuthority.authorityKeyIdentifier(ca.certificate()));
            return new JcaX509CRLConverter().getCRL(builder.build(ca.contentSigner()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode CRL extensions", e);
        } catch (CRLException e) {
            throw new IllegalStateException("Cannot decode the CRL just signed", e);
        }
    }
}
