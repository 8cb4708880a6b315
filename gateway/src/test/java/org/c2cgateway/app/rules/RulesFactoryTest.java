package org.c2cgateway.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.context.exceptions.ConfigurationException;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.app.config.RulesConfiguration;
import org.c2cgateway.rules.LintContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFactoryTest {

    private static final GatewayConfiguration RS = new GatewayConfiguration("RS", null, "/srv/c2c", "data/rs", null,
            10_485_760, 1);

    @TempDir
    Path dir;

    @Test
    void files_that_fail_lint_stop_the_start_naming_every_finding() {
        TestAgreements.copy("rs-mk-bad-version.yml", dir, "rs-mk.yml");
        TestAgreements.copy("rs-mk-bad-version.yml", dir, "rs-mk-2.yml");
        RuleFiles files = new RuleFiles(dir, new LintContext("RS", Map.of()), TestAgreements::headerLoader);

        RulesRefusedException refused = assertThrows(RulesRefusedException.class,
                () -> new RulesFactory().rulesInForce(files));

        assertEquals(2, refused.findings().size());
        assertTrue(refused.getMessage().contains(dir.resolve("rs-mk.yml") + ":2: version: must be a positive integer"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(dir.resolve("rs-mk-2.yml") + ":2: version:"), refused.getMessage());
        assertTrue(refused.getMessage().contains("2 findings"), refused.getMessage());
    }

    @Test
    void lint_knows_each_partner_and_whether_its_trust_is_complete() {
        PartnerConfiguration mk = partner("mk", new PartnerConfiguration.Trust(List.of("ca.crt"), List.of("mk.crt"),
                null, null, null));
        PartnerConfiguration bg = partner("bg", new PartnerConfiguration.Trust(List.of("ca.crt"), null,
                "CN=BG customs gateway signing", null, null));
        PartnerConfiguration al = partner("al", new PartnerConfiguration.Trust(List.of("ca.crt"), List.of(), " ",
                null, null));

        LintContext context = RuleFiles.lintContext(RS, List.of(mk, bg, al));

        assertEquals("RS", context.ownCountry());
        assertEquals(Map.of("MK", true, "BG", true, "AL", false), context.partnerTrust());
    }

    @Test
    void the_directory_defaults_to_the_countrys_agreements_under_home() {
        assertEquals(Path.of("/srv/c2c/config/rs/agreements"), rules(null, "x").directory(RS));
        assertEquals(Path.of("/srv/c2c/rules"), rules("rules", "x").directory(RS));
        assertEquals(Path.of("/etc/c2c/rules"), rules("/etc/c2c/rules", "x").directory(RS));
    }

    @Test
    void a_pseudonym_key_must_be_base64_of_32_bytes_and_is_never_shown() {
        ConfigurationException notBase64 = assertThrows(ConfigurationException.class,
                () -> rules(null, "not base64 at all!").pseudonymKeyBytes());
        assertTrue(notBase64.getMessage().startsWith("c2c.rules.pseudonym-key: is not base64"), notBase64.getMessage());
        assertFalse(notBase64.getMessage().contains("not base64 at all!"), notBase64.getMessage());

        String short16 = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        ConfigurationException tooShort = assertThrows(ConfigurationException.class,
                () -> rules(null, short16).pseudonymKeyBytes());
        assertTrue(tooShort.getMessage().contains("is 16 bytes, at least 32"), tooShort.getMessage());

        assertEquals(32, rules(null, java.util.Base64.getEncoder().encodeToString(new byte[32])).pseudonymKeyBytes().length);
    }

    private static RulesConfiguration rules(String directory, String key) {
        return new RulesConfiguration(directory, Duration.ofSeconds(5), key);
    }

    private static PartnerConfiguration partner(String country, PartnerConfiguration.Trust trust) {
        return new PartnerConfiguration(country, null, URI.create("https://localhost/as4"), null, trust, null, null);
    }
}
