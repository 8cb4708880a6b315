package org.c2cgateway.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.c2cgateway.app.config.ConfigurationSources;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.RulesConfiguration;
import org.c2cgateway.app.config.SecretsFile;
import org.c2cgateway.app.demo.DevSecrets;
import org.c2cgateway.app.keys.ConfigurationOnlyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code c2c.rules} as the gateway binds it: the demo countries' files, and the defaults. */
class RulesSettingsTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void each_demo_country_has_its_agreements_directory_and_a_pseudonym_key_of_32_bytes() {
        for (String cc : new String[] {"rs", "mk", "bg"}) {
            Path secrets = DevSecrets.privateCopy(HOME.resolve("config/" + cc + "/secrets.dev.yml"), dir.resolve(cc));
            Bound bound = bind(HOME.resolve("config/" + cc + "/gateway.yml"), Map.of("c2c.home", HOME.toString(),
                    SecretsFile.SETTING, secrets.toString()));

            assertEquals(HOME.resolve("config/" + cc + "/agreements"), bound.rules().directory(bound.gateway()));
            assertEquals(Duration.ofSeconds(5), bound.rules().effectivePollInterval());
            assertEquals(32, bound.rules().pseudonymKeyBytes().length, cc);
        }
    }

    @Test
    void by_default_the_directory_is_the_countrys_and_it_is_polled_every_5_seconds() throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.yml"), """
                c2c:
                  country: MK
                  data-dir: data/mk
                  rules:
                    pseudonym-key: c2VjcmV0
                """);

        Bound bound = bind(config, Map.of("c2c.home", "/srv/c2c"));

        assertEquals(Path.of("/srv/c2c/config/mk/agreements"), bound.rules().directory(bound.gateway()));
        assertEquals(Duration.ofSeconds(5), bound.rules().effectivePollInterval());
        assertTrue(bound.rules().polls());
    }

    @Test
    void a_poll_interval_of_0_turns_polling_off() throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.yml"), """
                c2c:
                  country: MK
                  data-dir: data/mk
                  rules:
                    poll-interval: 0s
                    pseudonym-key: c2VjcmV0
                """);

        assertEquals(false, bind(config, Map.of()).rules().polls());
    }

    @Test
    void a_malformed_poll_interval_is_named() throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.yml"), """
                c2c:
                  country: MK
                  data-dir: data/mk
                  rules:
                    poll-interval: soon
                    pseudonym-key: c2VjcmV0
                """);

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> ConfigurationOnlyContext.read(new ConfigurationSources(config, Map.of()), context ->
                        context.getBean(RulesConfiguration.class).checked(context)));
        assertTrue(refused.getMessage().endsWith("c2c.rules.poll-interval: 'soon' is not valid, expected a duration "
                + "such as 5s or 1m, or 0 for no polling"), refused.getMessage());
    }

    private record Bound(GatewayConfiguration gateway, RulesConfiguration rules) {
    }

    private static Bound bind(Path config, Map<String, Object> overrides) {
        return ConfigurationOnlyContext.read(new ConfigurationSources(config, overrides), context -> new Bound(
                context.getBean(GatewayConfiguration.class), context.getBean(RulesConfiguration.class)));
    }
}
