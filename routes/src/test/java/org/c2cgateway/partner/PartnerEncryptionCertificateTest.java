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

import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyAlgorithm;
import org.c2cgateway.pki.KeyPurpose;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.PartnerTrust;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of a partner's encryption certificates a message is encrypted for: the first one valid at the time. */
class PartnerEncryptionCertificateTest {

    private static final Instant NOW = Instant.now();

    @TempDir
    static Path dir;
    static DevPki pki;
    static X509Certificate current;
    static X509Certificate next;
    static X509Certificate expired;
    static X509Certificate notYetValid;

    @BeforeAll
    static void issue() {
        pki = DevPki.generate(dir, List.of(), DevPki.DEFAULT_PASSWORD.toCharArray());
        current = encryption("encryption", NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(60)));
        next = encryption("encryption-next", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(700)));
        expired = encryption("encryption-old", NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(1)));
        notYetValid = encryption("encryption-later", NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(800)));
    }

    @Test
    void first_listed_certificate_is_used_while_the_alternatives_wait() {
        assertEquals(current, mk(current, next).encryptionCertificate(NOW));
        assertEquals(next, mk(next, current).encryptionCertificate(NOW), "preferring the new key is putting it first");
    }

    @Test
    void certificates_not_valid_at_the_time_are_passed_over() {
        assertEquals(next, mk(expired, next).encryptionCertificate(NOW));
        assertEquals(current, mk(notYetValid, current).encryptionCertificate(NOW));
        assertEquals(notYetValid, mk(notYetValid, current).encryptionCertificate(NOW.plus(Duration.ofDays(11))),
                "a certificate listed ahead of its validity takes over once it is valid");
    }

    @Test
    void no_valid_certificate_fails_naming_the_partner_and_each_certificate() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> mk(expired, notYetValid).encryptionCertificate(NOW));

        assertTrue(e.getMessage().startsWith("partner MK has no encryption certificate valid at"), e.getMessage());
        assertTrue(e.getMessage().contains(expired.getSerialNumber().toString(16))
                && e.getMessage().contains(notYetValid.getSerialNumber().toString(16)), e.getMessage());
    }

    @Test
    void a_partner_without_encryption_certificate_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> mk());
    }

    private static Partner mk(X509Certificate... encryption) {
        AcceptedCertificates pinned = new AcceptedCertificates(List.of(current), null);
        return new Partner("MK", "MK", URI.create("https://mk.test/as4"),
                new PartnerTrust("MK", List.of(pki.issuingCertificate()), pinned, pinned), List.of(encryption), null);
    }

    private static X509Certificate encryption(String name, Instant notBefore, Instant notAfter) {
        return pki.issue("MK", KeyPurpose.ENCRYPTION, KeyAlgorithm.RSA_2048, IssueOptions.defaults().withName(name)
                .withNotBefore(notBefore).withNotAfter(notAfter)).certificate();
    }
}
