package org.c2cgateway.pki;

import static org.c2cgateway.pki.PkiChecks.PASSWORD;
import static org.c2cgateway.pki.PkiChecks.loadPkcs12;
import static org.c2cgateway.pki.PkiChecks.readCrl;
import static org.c2cgateway.pki.PkiChecks.validatePkixWithCrls;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRLs of the development PKI: revoking, numbering, re-signing, and what PKIX makes of them. */
class RevocationTest {

    @TempDir
    Path dir;
    DevPki pki;

    @BeforeEach
    void createCas() {
        pki = DevPki.generate(dir, List.of(), PASSWORD, Duration.ofDays(30));
    }

    private X509Certificate issue(String name) {
        return pki.issue("RS", KeyPurpose.SIGNING, KeyAlgorithm.EC_P256, IssueOptions.defaults().withName(name))
                .certificate();
    }

    @Test
    void fresh_crls_are_empty_signed_by_their_ca_with_number_one_and_the_chosen_next_update() throws Exception {
        X509CRL issuing = readCrl(pki.crlFile());
        X509CRL root = readCrl(pki.rootCrlFile());

        assertDoesNotThrow(() -> issuing.verify(pki.issuingCertificate().getPublicKey()));
        assertDoesNotThrow(() -> root.verify(pki.rootCertificate().getPublicKey()));
        assertEquals(BigInteger.ONE, RevocationList.number(issuing));
        assertNull(issuing.getRevokedCertificates());
        assertEquals(Duration.ofDays(30), Duration.between(issuing.getThisUpdate().toInstant(),
                issuing.getNextUpdate().toInstant()));
        assertTrue(!issuing.getThisUpdate().toInstant().isAfter(Instant.now()), "thisUpdate is now");
        assertArrayEquals(skiOf(pki.issuingCertificate()), akiOf(issuing), "authority key id = issuing CA's SKI");
        assertArrayEquals(skiOf(pki.rootCertificate()), akiOf(root));
    }

    @Test
    void revoke_lists_the_serial_with_its_reason_increments_the_number_and_rewrites_the_file() throws Exception {
        X509Certificate victim = issue("signing-victim");
        X509Certificate bystander = issue("signing-bystander");

        X509CRL crl = pki.revoke(victim, CRLReason.KEY_COMPROMISE);

        assertEquals(crl, readCrl(pki.crlFile()), "the file holds the returned CRL");
        assertDoesNotThrow(() -> crl.verify(pki.issuingCertificate().getPublicKey()));
        assertEquals(BigInteger.TWO, RevocationList.number(crl));
        X509CRLEntry entry = crl.getRevokedCertificate(victim.getSerialNumber());
        assertNotNull(entry, "revoked serial must be listed");
        assertEquals(CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
        assertTrue(crl.isRevoked(victim));
        assertTrue(!crl.isRevoked(bystander));
        assertEquals(Duration.ofDays(30), Duration.between(crl.getThisUpdate().toInstant(),
                crl.getNextUpdate().toInstant()), "the interval to nextUpdate is kept");
    }

    @Test
    void every_revocation_keeps_the_earlier_entries_and_the_number_keeps_growing() throws Exception {
        X509Certificate first = issue("signing-first");
        X509Certificate second = issue("signing-second");

        pki.revoke(first, CRLReason.SUPERSEDED);
        X509CRL afterSecond = pki.revoke(second, CRLReason.UNSPECIFIED);
        X509CRL refreshed = pki.refreshCrl(Duration.ofDays(90));

        assertEquals(BigInteger.valueOf(3), RevocationList.number(afterSecond));
        assertEquals(BigInteger.valueOf(4), RevocationList.number(refreshed));
        assertEquals(CRLReason.SUPERSEDED, refreshed.getRevokedCertificate(first.getSerialNumber()).getRevocationReason());
        assertNull(refreshed.getRevokedCertificate(second.getSerialNumber()).getRevocationReason(),
                "unspecified is written as no reasonCode (RFC 5280 5.3.1)");
        assertEquals(2, refreshed.getRevokedCertificates().size());
        assertEquals(Duration.ofDays(90), Duration.between(refreshed.getThisUpdate().toInstant(),
                refreshed.getNextUpdate().toInstant()));
    }

    @Test
    void pkix_with_the_crls_refuses_a_revoked_certificate_and_accepts_the_others() throws Exception {
        X509Certificate revoked = issue("signing-revoked");
        X509Certificate good = issue("signing-good");
        X509CRL issuingCrl = pki.revoke(revoked, CRLReason.KEY_COMPROMISE);
        var trust = loadPkcs12(pki.trustStore());

        CertPathValidatorException error = assertThrows(CertPathValidatorException.class, () ->
                validatePkixWithCrls(revoked, pki.issuingCertificate(), trust, issuingCrl, pki.rootCrl()));
        assertEquals(BasicReason.REVOKED, error.getReason());
        assertDoesNotThrow(() -> validatePkixWithCrls(good, pki.issuingCertificate(), trust, issuingCrl,
                pki.rootCrl()));
    }

    @Test
    void revoking_the_issuing_ca_goes_into_the_root_crl_and_breaks_every_path() throws Exception {
        X509Certificate leaf = issue("signing-under-revoked-ca");

        X509CRL rootCrl = pki.revoke(pki.issuingCertificate(), CRLReason.CA_COMPROMISE);

        assertEquals(pki.rootCertificate().getSubjectX500Principal(), rootCrl.getIssuerX500Principal());
        assertEquals(rootCrl, readCrl(pki.rootCrlFile()));
        assertEquals(BigInteger.ONE, RevocationList.number(readCrl(pki.crlFile())), "issuing CRL untouched");
        CertPathValidatorException error = assertThrows(CertPathValidatorException.class, () ->
                validatePkixWithCrls(leaf, pki.issuingCertificate(), loadPkcs12(pki.trustStore()), pki.crl(),
                        rootCrl));
        assertEquals(BasicReason.REVOKED, error.getReason());
    }

    @Test
    void revoking_twice_or_a_foreign_certificate_is_refused_and_leaves_the_crl_unchanged(@TempDir Path other)
            throws Exception {
        X509Certificate victim = issue("signing-twice");
        pki.revoke(victim, CRLReason.KEY_COMPROMISE);
        byte[] before = Files.readAllBytes(pki.crlFile());
        X509Certificate foreign = DevPki.generate(other, List.of(), PASSWORD)
                .issue("RS", KeyPurpose.SIGNING, KeyAlgorithm.EC_P256, IssueOptions.defaults()).certificate();

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> pki.revoke(victim, CRLReason.SUPERSEDED));
        IllegalArgumentException stranger = assertThrows(IllegalArgumentException.class,
                () -> pki.revoke(foreign, CRLReason.KEY_COMPROMISE));
        assertThrows(IllegalArgumentException.class, () -> pki.revoke(issue("signing-x"), CRLReason.REMOVE_FROM_CRL));

        assertTrue(twice.getMessage().contains("already revoked"), twice.getMessage());
        assertTrue(stranger.getMessage().contains("was not issued by"), stranger.getMessage());
        assertArrayEquals(before, Files.readAllBytes(pki.crlFile()));
    }

    @Test
    void a_stale_crl_can_be_made_for_tests_of_fail_closed_and_fail_open() {
        Instant now = Instant.now();

        X509CRL stale = pki.refreshCrl(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));

        assertTrue(stale.getNextUpdate().toInstant().isBefore(now));
        assertEquals(stale, pki.crl());
    }

    @Test
    void the_crl_survives_reopening_the_pki() throws Exception {
        X509Certificate victim = issue("signing-reopened");
        pki.revoke(victim, CRLReason.AFFILIATION_CHANGED);

        DevPki reopened = DevPki.open(dir, PASSWORD);
        X509CRL crl = reopened.refreshCrl(Duration.ofDays(365));

        assertEquals(BigInteger.valueOf(3), RevocationList.number(crl));
        assertTrue(crl.isRevoked(victim));
    }

    private static byte[] skiOf(X509Certificate ca) throws Exception {
        return SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                ca.getExtensionValue(Extension.subjectKeyIdentifier.getId()))).getKeyIdentifier();
    }

    private static byte[] akiOf(X509CRL crl) throws Exception {
        return AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                crl.getExtensionValue(Extension.authorityKeyIdentifier.getId()))).getKeyIdentifier();
    }
}
