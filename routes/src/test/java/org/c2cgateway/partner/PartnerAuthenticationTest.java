package org.c2cgateway.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.KeyPurpose;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.CertificateRefusedException;
import org.c2cgateway.trust.CertificateUse;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.CrlSource;
import org.c2cgateway.trust.PartnerTrust;
import org.c2cgateway.trust.RefusalReason;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.RevocationPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS certificate, the signing certificate and the claimed party must all be one partner's. */
class PartnerAuthenticationTest {

    @TempDir
    static Path directory;
    static DevPki pki;
    static PartnerDirectory partners;

    @BeforeAll
    static void partners() {
        pki = DevPki.generate(directory.resolve("pki"), List.of("RS", "MK"), DevPki.DEFAULT_PASSWORD.toCharArray());
        partners = new PartnerDirectory(List.of(partner("RS"), partner("MK")));
    }

    private static Partner partner(String country) {
        AcceptedCertificates signing = new AcceptedCertificates(List.of(certificate(country, KeyPurpose.SIGNING)), null);
        AcceptedCertificates tls = new AcceptedCertificates(List.of(certificate(country, KeyPurpose.TLS)), null);
        return new Partner(country, country, URI.create("https://" + country.toLowerCase() + ".test/as4"),
                new PartnerTrust(country, List.of(pki.issuingCertificate()), signing, tls),
                List.of(certificate(country, KeyPurpose.ENCRYPTION)), null);
    }

    private static X509Certificate certificate(String country, KeyPurpose purpose) {
        return pki.credential(country, purpose).certificate();
    }

    private static PartnerAuthentication.Check check(RevocationLists lists, RevocationPolicy policy) {
        return new PartnerAuthentication(new CertificateValidator(lists, policy)).at(partners, Instant.now());
    }

    private static PartnerAuthentication.Check check() {
        return check(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED);
    }

    @Test
    void the_partners_own_signing_and_tls_certificates_pass() throws CertificateRefusedException {
        PartnerAuthentication.Check check = check();

        check.verifySigner("RS", certificate("RS", KeyPurpose.SIGNING));
        check.verifyTransport(partners.byPartyId("RS").orElseThrow(), certificate("RS", KeyPurpose.TLS));

        assertEquals("", check.traceNote());
        assertTrue(check.knowsParty("RS"));
        assertTrue(!check.knowsParty("XX"));
        assertEquals(List.of(certificate("RS", KeyPurpose.SIGNING)), check.pinnedSigningCertificates("RS"));
    }

    @Test
    void another_partners_valid_signature_claiming_this_partner_is_refused() {
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class,
                () -> check().verifySigner("RS", certificate("MK", KeyPurpose.SIGNING)));

        assertEquals(Set.of(RefusalReason.NOT_ACCEPTED), e.reasons());
        assertEquals(CertificateUse.SIGNING, e.use());
    }

    @Test
    void another_partners_tls_certificate_under_this_partners_signature_is_refused() {
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class, () -> check()
                .verifyTransport(partners.byPartyId("RS").orElseThrow(), certificate("MK", KeyPurpose.TLS)));

        assertEquals(Set.of(RefusalReason.NOT_ACCEPTED), e.reasons());
        assertTrue(e.getMessage().startsWith("the TLS client certificate (subject=\"CN=MK customs gateway TLS"),
                e.getMessage());
    }

    @Test
    void fail_open_warnings_end_up_in_the_trace_note() throws CertificateRefusedException {
        RevocationLists unavailable = new RevocationLists(List.of(CrlSource.of("gone.crl", directory)),
                List.of(pki.issuingCertificate()), Duration.ofHours(1));
        unavailable.refreshAll(Instant.now());
        PartnerAuthentication.Check check = check(unavailable, RevocationPolicy.FAIL_OPEN);

        check.verifySigner("RS", certificate("RS", KeyPurpose.SIGNING));

        assertTrue(check.traceNote().startsWith("; warning: revocation status of the signing certificate of partner RS"),
                check.traceNote());
        assertTrue(check.traceNote().contains("gone.crl"), check.traceNote());
    }
}
