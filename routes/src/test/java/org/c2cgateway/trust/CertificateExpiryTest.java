package org.c2cgateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyPurpose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Days left, the 30-day warning and what makes the whole urgent, for own and partner certificates. */
class CertificateExpiryTest {

    @TempDir
    static Path directory;
    static TrustFixtures fixtures;
    static Instant now;
    static X509Certificate valid;
    static X509Certificate expiring;
    static X509Certificate expired;
    static X509Certificate early;

    @BeforeAll
    static void certificates() {
        fixtures = new TrustFixtures(directory.resolve("pki"), List.of("RS"));
        now = Instant.now();
        valid = fixtures.certificate("RS", KeyPurpose.SIGNING);
        expiring = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("expiring")
                .withNotBefore(now.minus(Duration.ofDays(1))).withNotAfter(now.plus(Duration.ofDays(20)).plusSeconds(3600)));
        expired = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("expired")
                .withNotBefore(now.minus(Duration.ofDays(10))).withNotAfter(now.minus(Duration.ofDays(2)).plusSeconds(3600)));
        early = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("early")
                .withNotBefore(now.plus(Duration.ofDays(3))));
    }

    private static CertificateExpiry expiry(WatchedCertificate... certificates) {
        return new CertificateExpiry(List.of(certificates), CertificateExpiry.DEFAULT_WARN_BEFORE);
    }

    private static WatchedCertificate own(X509Certificate c) {
        return new WatchedCertificate(WatchedCertificate.OWN, "signing", c);
    }

    private static WatchedCertificate partner(X509Certificate c) {
        return new WatchedCertificate("RS", "signing", c);
    }

    @Test
    void days_left_are_whole_days_and_negative_once_expired() {
        assertEquals(20, partner(expiring).daysLeft(now));
        assertEquals(-2, partner(expired).daysLeft(now));
    }

    @Test
    void valid_certificates_and_a_partners_next_key_not_yet_valid_need_no_action() {
        CertificateExpiry expiry = expiry(own(valid), partner(valid), partner(early));

        assertEquals(CertificateExpiry.Urgency.NONE, expiry.urgency(now));
        assertEquals(WatchedCertificate.State.NOT_YET_VALID, expiry.state(partner(early), now));
    }

    @Test
    void a_certificate_expiring_within_30_days_is_warned_about() {
        CertificateExpiry expiry = expiry(own(valid), partner(expiring));

        assertEquals(CertificateExpiry.Urgency.ACT_SOON, expiry.urgency(now));
        assertEquals(List.of("RS signing certificate \"CN=RS customs gateway signing,O=Customs administration RS,C=RS\" "
                + "(serial " + expiring.getSerialNumber().toString(16) + ") expires in 20 day(s), on "
                + expiring.getNotAfter().toInstant()), expiry.warnings(now));
    }

    @Test
    void an_expired_partner_certificate_calls_for_action_an_expired_own_one_makes_the_gateway_unusable() {
        assertEquals(CertificateExpiry.Urgency.ACT_SOON, expiry(own(valid), partner(expired)).urgency(now));
        assertEquals(CertificateExpiry.Urgency.UNUSABLE, expiry(own(expired), partner(valid)).urgency(now));
        assertEquals(CertificateExpiry.Urgency.UNUSABLE, expiry(own(early)).urgency(now));
        assertEquals(1, expiry(own(expired)).warnings(now).size());
    }
}
