package org.c2cgateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyPurpose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reason a partner certificate is refused, each with the detail that makes it precise. */
class CertificateValidatorTest {

    @TempDir
    static Path directory;
    static TrustFixtures fixtures;

    @BeforeAll
    static void pki() {
        fixtures = new TrustFixtures(directory.resolve("pki"));
    }

    private static CertificateVerdict check(X509Certificate certificate, CertificateUse use, PartnerTrust trust) {
        return TrustFixtures.withoutRevocation().check(certificate, use, trust, Instant.now());
    }

    private static CertificateFinding only(CertificateVerdict verdict) {
        assertEquals(1, verdict.findings().size(), verdict.findings().toString());
        return verdict.findings().get(0);
    }

    @Test
    void partners_pinned_signing_and_tls_certificates_are_accepted() {
        PartnerTrust rs = fixtures.rsPinned();

        assertTrue(check(fixtures.certificate("RS", KeyPurpose.SIGNING), CertificateUse.SIGNING, rs).accepted());
        assertTrue(check(fixtures.certificate("RS", KeyPurpose.TLS), CertificateUse.TLS_CLIENT, rs).accepted());
    }

    @Test
    void any_certificate_of_the_ca_matching_the_subject_constraint_is_accepted() {
        X509Certificate next = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("signing-next"));

        assertTrue(check(next, CertificateUse.SIGNING, fixtures.rsBySubject()).accepted());
    }

    @Test
    void another_partners_valid_certificate_from_the_same_ca_is_not_accepted() {
        CertificateFinding finding = only(check(fixtures.certificate("MK", KeyPurpose.SIGNING), CertificateUse.SIGNING,
                fixtures.rsPinned()));
        CertificateFinding bySubject = only(check(fixtures.certificate("MK", KeyPurpose.SIGNING), CertificateUse.SIGNING,
                fixtures.rsBySubject()));

        assertEquals(RefusalReason.NOT_ACCEPTED, finding.reason());
        assertTrue(finding.detail().contains("1 pinned certificate"), finding.detail());
        assertEquals(RefusalReason.NOT_ACCEPTED, bySubject.reason());
        assertTrue(bySubject.detail().contains("CN=RS customs gateway signing"), bySubject.detail());
    }

    @Test
    void the_partners_tls_certificate_is_not_its_signing_certificate() {
        CertificateFinding finding = only(check(fixtures.certificate("RS", KeyPurpose.TLS), CertificateUse.SIGNING,
                fixtures.rsPinned()));

        assertEquals(RefusalReason.NOT_ACCEPTED, finding.reason());
        assertTrue(finding.detail().contains("signing certificate"), finding.detail());
    }

    @Test
    void a_certificate_of_a_ca_of_the_same_name_but_another_key_is_from_an_untrusted_issuer() {
        DevPki rogue = DevPki.generate(directory.resolve("rogue"), List.of("RS"), TrustFixtures.PASSWORD);
        X509Certificate forged = rogue.credential("RS", KeyPurpose.SIGNING).certificate();

        CertificateVerdict verdict = check(forged, CertificateUse.SIGNING, fixtures.rsBySubject());

        CertificateFinding finding = only(verdict);
        assertEquals(RefusalReason.UNTRUSTED_ISSUER, finding.reason());
        assertTrue(finding.detail().contains("its key did not sign this certificate"), finding.detail());
    }

    @Test
    void a_certificate_of_a_ca_not_configured_for_the_partner_is_from_an_untrusted_issuer() {
        PartnerTrust rootOnly = new PartnerTrust("RS", List.of(fixtures.pki.rootCertificate()),
                TrustFixtures.pins(fixtures.certificate("RS", KeyPurpose.SIGNING)),
                TrustFixtures.pins(fixtures.certificate("RS", KeyPurpose.TLS)));

        CertificateFinding finding = only(check(fixtures.certificate("RS", KeyPurpose.SIGNING), CertificateUse.SIGNING,
                rootOnly));

        assertEquals(RefusalReason.UNTRUSTED_ISSUER, finding.reason());
        assertTrue(finding.detail().contains("Issuing CA"), finding.detail());
    }

    @Test
    void an_expired_certificate_is_refused_with_its_end_date() {
        Instant end = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        X509Certificate expired = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("expired")
                .withNotBefore(end.minus(Duration.ofDays(30))).withNotAfter(end));

        CertificateFinding finding = only(check(expired, CertificateUse.SIGNING, fixtures.rsBySubject()));

        assertEquals(RefusalReason.EXPIRED, finding.reason());
        assertEquals("on " + end, finding.detail());
    }

    @Test
    void a_certificate_not_yet_valid_is_refused_with_its_start_date() {
        Instant start = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        X509Certificate early = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("early")
                .withNotBefore(start));

        CertificateFinding finding = only(check(early, CertificateUse.SIGNING, fixtures.rsBySubject()));

        assertEquals(RefusalReason.NOT_YET_VALID, finding.reason());
        assertEquals("until " + start, finding.detail());
    }

    @Test
    void validity_is_judged_at_the_time_of_the_check() {
        X509Certificate signing = fixtures.certificate("RS", KeyPurpose.SIGNING);
        Instant afterItsEnd = signing.getNotAfter().toInstant().plusSeconds(1);

        CertificateVerdict verdict = TrustFixtures.withoutRevocation().check(signing, CertificateUse.SIGNING,
                fixtures.rsPinned(), afterItsEnd);

        assertTrue(verdict.findings().stream().anyMatch(f -> f.reason() == RefusalReason.EXPIRED), verdict.toString());
    }

    @Test
    void an_rsa_key_under_2048_bits_is_too_weak() {
        X509Certificate weak = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("weak")
                .withRsaKeySize(1024));

        CertificateFinding finding = only(check(weak, CertificateUse.SIGNING, fixtures.rsBySubject()));

        assertEquals(RefusalReason.WEAK_KEY, finding.reason());
        assertEquals("(RSA 1024 bits, at least 2048 required)", finding.detail());
    }

    @Test
    void a_signing_certificate_must_allow_digital_signature_or_non_repudiation() {
        X509Certificate encryption = fixtures.certificate("RS", KeyPurpose.ENCRYPTION);
        PartnerTrust rs = fixtures.pinned("RS", encryption, fixtures.certificate("RS", KeyPurpose.TLS));

        CertificateFinding finding = only(check(encryption, CertificateUse.SIGNING, rs));

        assertEquals(RefusalReason.WRONG_KEY_USAGE, finding.reason());
        assertTrue(finding.detail().contains("digitalSignature"), finding.detail());
    }

    @Test
    void a_tls_client_certificate_must_have_the_client_auth_purpose() {
        X509Certificate signing = fixtures.certificate("RS", KeyPurpose.SIGNING);
        PartnerTrust rs = fixtures.pinned("RS", signing, signing);

        CertificateFinding finding = only(check(signing, CertificateUse.TLS_CLIENT, rs));

        assertEquals(RefusalReason.WRONG_KEY_USAGE, finding.reason());
        assertTrue(finding.detail().contains("clientAuth"), finding.detail());
    }

    @Test
    void a_refusal_names_the_certificate_the_partner_and_every_reason() {
        X509Certificate weakExpired = fixtures.issue("MK", KeyPurpose.SIGNING, IssueOptions.defaults().withName("bad")
                .withRsaKeySize(1024).withNotBefore(Instant.now().minus(Duration.ofDays(9)))
                .withNotAfter(Instant.now().minus(Duration.ofDays(1))));

        CertificateRefusedException e = assertThrows(CertificateRefusedException.class, () -> TrustFixtures
                .withoutRevocation().verify(weakExpired, CertificateUse.SIGNING, fixtures.rsPinned(), Instant.now()));

        assertEquals(Set.of(RefusalReason.NOT_ACCEPTED, RefusalReason.EXPIRED, RefusalReason.WEAK_KEY), e.reasons());
        assertTrue(e.getMessage().startsWith("the signing certificate (subject=\"CN=MK customs gateway signing"),
                e.getMessage());
        assertTrue(e.getMessage().contains("serial=" + weakExpired.getSerialNumber().toString(16)), e.getMessage());
        assertTrue(e.getMessage().contains("refused for partner RS: "), e.getMessage());
    }

    @Test
    void a_revoked_certificate_is_refused_with_the_revocation_date_and_reason() {
        X509Certificate revoked = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("revoked"));
        fixtures.pki.revoke(revoked, CRLReason.KEY_COMPROMISE);
        CertificateValidator validator = new CertificateValidator(fixtures.crlOfThisPki(), RevocationPolicy.FAIL_CLOSED);

        CertificateVerdict verdict = validator.check(revoked, CertificateUse.SIGNING, fixtures.rsBySubject(), Instant.now());
        CertificateVerdict good = validator.check(fixtures.certificate("RS", KeyPurpose.SIGNING), CertificateUse.SIGNING,
                fixtures.rsBySubject(), Instant.now());

        CertificateFinding finding = only(verdict);
        assertEquals(RefusalReason.REVOKED, finding.reason());
        assertTrue(finding.detail().matches("on \\S+Z \\(reason: KEY_COMPROMISE\\)"), finding.detail());
        assertTrue(good.accepted(), good.toString());
    }

    @Test
    void without_a_crl_of_the_partners_ca_the_status_is_unknown_and_fail_closed_refuses() {
        RevocationLists missing = new RevocationLists(List.of(CrlSource.of("no-such.crl", directory)),
                List.of(fixtures.pki.issuingCertificate()), Duration.ofHours(1));
        missing.refreshAll(Instant.now());

        CertificateFinding finding = only(new CertificateValidator(missing, RevocationPolicy.FAIL_CLOSED)
                .check(fixtures.certificate("RS", KeyPurpose.SIGNING), CertificateUse.SIGNING, fixtures.rsPinned(),
                        Instant.now()));

        assertEquals(RefusalReason.REVOCATION_UNKNOWN, finding.reason());
        assertTrue(finding.detail().contains("no-such.crl") && finding.detail().contains("Issuing CA"), finding.detail());
    }

    @Test
    void fail_open_accepts_a_certificate_of_unknown_revocation_status_with_a_warning_naming_the_ca() {
        RevocationLists missing = new RevocationLists(List.of(CrlSource.of("no-such.crl", directory)),
                List.of(fixtures.pki.issuingCertificate()), Duration.ofHours(1));
        missing.refreshAll(Instant.now());

        CertificateVerdict verdict = new CertificateValidator(missing, RevocationPolicy.FAIL_OPEN)
                .check(fixtures.certificate("RS", KeyPurpose.SIGNING), CertificateUse.SIGNING, fixtures.rsPinned(),
                        Instant.now());

        assertTrue(verdict.accepted());
        assertEquals(1, verdict.warnings().size());
        assertTrue(verdict.warnings().get(0).contains("FAIL_OPEN") && verdict.warnings().get(0).contains("Issuing CA")
                && verdict.warnings().get(0).contains("no-such.crl"), verdict.warnings().get(0));
    }
}
