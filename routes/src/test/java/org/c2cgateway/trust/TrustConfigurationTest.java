package org.c2cgateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyPurpose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partners' trust as configured: what stops the gateway from starting, and what is only warned about. */
class TrustConfigurationTest {

    @TempDir
    static Path directory;
    static TrustFixtures fixtures;

    @BeforeAll
    static void pki() {
        fixtures = new TrustFixtures(directory.resolve("pki"));
    }

    private static List<String> check(PartnerTrust... partners) {
        return TrustConfiguration.check(List.of(partners), TrustFixtures.withoutRevocation(), Instant.now());
    }

    @Test
    void a_partner_without_pins_or_subject_constraint_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AcceptedCertificates(List.of(), null));

        assertTrue(e.getMessage().contains("any certificate of the CA would be accepted"), e.getMessage());
    }

    @Test
    void an_issuing_ca_that_is_not_a_ca_certificate_is_refused() {
        X509Certificate leaf = fixtures.certificate("RS", KeyPurpose.SIGNING);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PartnerTrust("RS",
                List.of(leaf), TrustFixtures.pins(leaf), TrustFixtures.pins(leaf)));

        assertTrue(e.getMessage().contains("not a CA certificate"), e.getMessage());
    }

    @Test
    void a_pinned_certificate_that_can_never_be_accepted_stops_the_start() {
        DevPki rogue = DevPki.generate(directory.resolve("rogue"), List.of("RS"), TrustFixtures.PASSWORD);
        X509Certificate foreign = rogue.credential("RS", KeyPurpose.SIGNING).certificate();
        PartnerTrust rs = fixtures.pinned("RS", foreign, fixtures.certificate("RS", KeyPurpose.TLS));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check(rs));

        assertTrue(e.getMessage().startsWith("the signing certificate (subject=\"CN=RS customs gateway signing"),
                e.getMessage());
        assertTrue(e.getMessage().contains("refused for partner RS: not issued by a CA trusted"), e.getMessage());
    }

    @Test
    void an_expired_pinned_certificate_is_only_warned_about() {
        X509Certificate expired = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("old")
                .withNotBefore(Instant.now().minus(Duration.ofDays(60))).withNotAfter(Instant.now().minus(Duration.ofDays(1))));
        PartnerTrust rs = new PartnerTrust("RS", List.of(fixtures.pki.issuingCertificate()),
                TrustFixtures.pins(expired, fixtures.certificate("RS", KeyPurpose.SIGNING)),
                TrustFixtures.pins(fixtures.certificate("RS", KeyPurpose.TLS)));

        List<String> warnings = check(rs);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("expired on"), warnings.get(0));
    }

    @Test
    void a_certificate_two_partners_would_accept_is_refused() {
        PartnerTrust rs = fixtures.rsPinned();
        PartnerTrust mk = new PartnerTrust("MK", List.of(fixtures.pki.issuingCertificate()),
                new AcceptedCertificates(List.of(), Pattern.compile(".*customs gateway signing.*")),
                TrustFixtures.pins(fixtures.certificate("MK", KeyPurpose.TLS)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check(rs, mk));

        assertTrue(e.getMessage().startsWith("the signing certificate pinned for partner RS is also accepted for partner MK"),
                e.getMessage());
    }

    @Test
    void distinct_partners_pass() {
        PartnerTrust mk = fixtures.pinned("MK", fixtures.certificate("MK", KeyPurpose.SIGNING),
                fixtures.certificate("MK", KeyPurpose.TLS));

        assertEquals(List.of(), check(fixtures.rsPinned(), mk));
    }
}
