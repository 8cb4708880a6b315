package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partner trust that is missing or wrong stops the gateway at start-up, naming the key. */
class PartnerTrustConfigurationIT {

    @TempDir
    Path data;

    private RuntimeException startFails(Map<String, Object> settings) throws Exception {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("c2c.partners.RS.endpoint", TwoGateways.as4Url(1));
        return assertThrows(RuntimeException.class, () -> TwoGateways.start("mk", TwoGateways.freePort(),
                TwoGateways.freePort(), data, all).close());
    }

    private static void assertNames(RuntimeException e, String... parts) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        for (String part : parts) {
            assertTrue(messages.toString().contains(part), "expected '" + part + "' in " + messages);
        }
    }

    @Test
    void a_partner_with_neither_pins_nor_subject_for_signing_stops_the_start() throws Exception {
        RuntimeException e = startFails(Map.of("c2c.partners.RS.trust.signing-certificates", List.of()));

        assertNames(e, "c2c.partners.RS.trust: neither signing-certificates nor signing-subject is set for partner RS");
    }

    @Test
    void a_subject_that_is_not_a_regular_expression_stops_the_start() throws Exception {
        RuntimeException e = startFails(Map.of("c2c.partners.BG.trust.tls-subject", "CN=BG (unclosed"));

        assertNames(e, "c2c.partners.BG.trust.tls-subject is not a regular expression");
    }

    @Test
    void a_pinned_certificate_of_another_ca_stops_the_start_naming_it() throws Exception {
        RuntimeException e = startFails(Map.of("c2c.partners.RS.trust.issuing-cas",
                List.of(TwoGateways.HOME.resolve("certs-dev/pki/root-ca.crt").toString())));

        assertNames(e, "c2c.partners", "the signing certificate (subject=\"CN=RS customs gateway signing",
                "refused for partner RS: not issued by a CA trusted for this partner");
    }

    @Test
    void an_unknown_revocation_policy_stops_the_start_naming_the_key() throws Exception {
        RuntimeException e = startFails(Map.of("c2c.revocation.on-unavailable", "FAIL_SOMETIMES"));

        assertNames(e, "c2c.revocation.on-unavailable: 'FAIL_SOMETIMES' is not valid, expected FAIL_CLOSED or FAIL_OPEN");
    }

    @Test
    void a_refresh_interval_that_is_not_a_duration_stops_the_start_naming_the_key() throws Exception {
        RuntimeException e = startFails(Map.of("c2c.revocation.refresh-interval", "hourly"));

        assertNames(e, "c2c.revocation.refresh-interval: 'hourly' is not valid");
    }
}
