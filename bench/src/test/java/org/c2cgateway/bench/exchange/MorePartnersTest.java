package org.c2cgateway.bench.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.c2cgateway.bench.Notifications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MorePartnersTest {

    @TempDir
    Path directory;

    private final Path home = Notifications.repositoryRoot();

    @Test
    void each_further_partner_gets_its_own_certificates_under_the_development_ca_and_its_own_agreement() throws Exception {
        MorePartners more = MorePartners.create(home, directory, 4);
        MorePartners three = more.upTo(3);
        Map<String, String> settings = three.rsSettings();

        assertEquals(3, three.partners());
        assertTrue(settings.containsKey("c2c.partners.AL.endpoint"));
        assertFalse(settings.containsKey("c2c.partners.AT.endpoint"), "only the first partner beyond the demo's two");
        X509Certificate signing = certificate(Path.of(settings.get("c2c.partners.AL.trust.signing-certificates")));
        X509Certificate issuing = certificate(home.resolve("certs-dev/pki/issuing-ca.crt"));
        signing.verify(issuing.getPublicKey()); // the CA RS already trusts issued it
        assertTrue(signing.getSubjectX500Principal().getName().contains("C=AL"));
        assertEquals(issuing, certificate(Path.of(settings.get("c2c.partners.AL.trust.issuing-cas"))));

        Path agreements = Path.of(settings.get("c2c.rules.directory"));
        String agreement = Files.readString(agreements.resolve("rs-al-v1.yml"));
        assertTrue(agreement.contains("partner: AL") && agreement.contains("agreement: AL-RS-CBM"), agreement);
        assertFalse(agreement.contains("BG"));
        assertTrue(Files.exists(agreements.resolve("rs-mk-v1.yml")), "the demo's agreements stay");
        assertFalse(Files.exists(agreements.resolve("rs-at-v1.yml")), "none for a partner not configured");
        assertFalse(Files.exists(home.resolve("certs-dev/pki/al")), "the committed PKI is untouched");
    }

    @Test
    void a_count_below_the_demo_or_beyond_the_codes_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> Plan.of(Map.of("partners", "1,50")));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> Plan.of(Map.of("partners", "2,51")));
        assertTrue(tooMany.getMessage().startsWith("--partners: each count from 2 (the demo's MK and BG) to 50"),
                tooMany.getMessage());
        assertEquals(List.of(2, 50), assertDoesNotThrow(() -> Plan.of(Map.of("partners", "2,50"))).partners());
        assertEquals(List.of(2), assertDoesNotThrow(() -> Plan.of(Map.of())).partners());
        assertThrows(IllegalArgumentException.class, () -> MorePartners.create(home, directory, 1));
        assertThrows(IllegalArgumentException.class, () -> MorePartners.create(home, directory, 51));
    }

    private static X509Certificate certificate(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
