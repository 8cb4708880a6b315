package org.c2cgateway.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.c2cgateway.model.NotificationType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo countries' agreements (config/&lt;cc&gt;/agreements) lint clean against their own gateway.yml. */
class DemoAgreementsTest {

    static final Path CONFIG = Path.of("../config");

    /** The lint context a country's gateway would build: its country, and each configured partner's trust. */
    @SuppressWarnings("unchecked")
    static LintContext contextOf(String country) throws IOException {
        try (Reader in = Files.newBufferedReader(CONFIG.resolve(country).resolve("gateway.yml"))) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> c2c = (Map<String, Object>) root.get("c2c");
            Map<String, Object> partners = (Map<String, Object>) c2c.get("partners");
            Map<String, Boolean> trust = new LinkedHashMap<>();
            partners.forEach((partner, settings) -> {
                Map<String, Object> trustSettings = (Map<String, Object>) ((Map<String, Object>) settings).get("trust");
                trust.put(partner, trustSettings != null && trustSettings.get("signing-certificates") != null);
            });
            return new LintContext((String) c2c.get("country"), trust);
        }
    }

    static RuleSetLoad loadDemo(String country) throws IOException {
        return RuleSetLoader.load(CONFIG.resolve(country).resolve("agreements"), contextOf(country));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rs", "mk", "bg"})
    void demo_agreements_lint_clean(String country) throws IOException {
        RuleSetLoad load = loadDemo(country);
        assertEquals("", String.join("\n", load.findings().stream().map(LintFinding::toString).toList()));
        assertFalse(load.ruleSet().all().isEmpty());
    }

    @Test
    void serbia_recognises_macedonian_aeos_from_version_2_only() throws IOException {
        RuleSet rs = loadDemo("rs").ruleSet();
        Agreement v1 = rs.inForce("MK", LocalDate.parse("2025-12-31")).orElseThrow();
        Agreement v2 = rs.inForce("MK", LocalDate.parse("2026-01-01")).orElseThrow();
        assertEquals(1, v1.version());
        assertTrue(v1.aeo().isEmpty());
        assertTrue(v1.sendFlow(NotificationType.EXIT, java.util.Set.of("MK001001")).isEmpty());
        assertEquals(2, v2.version());
        assertTrue(v2.aeo().orElseThrow().identity("MK4030000123456").isPresent());
        assertTrue(v2.seals().orElseThrow().practices().get(0).matches("MK-C 0001186"));
    }

    @Test
    void macedonia_recognises_the_serbian_consignor_of_the_sample() throws IOException {
        Agreement v2 = loadDemo("mk").ruleSet().inForce("RS", LocalDate.parse("2026-03-10")).orElseThrow();
        AeoIdentity consignor = v2.aeo().orElseThrow().identity("RS100123456").orElseThrow();
        assertTrue(v2.aeo().orElseThrow().programmes().containsKey(consignor.programme()));
    }

    @Test
    void bulgaria_refuses_what_serbia_may_not_share_and_serbia_strips_it() throws IOException {
        Agreement bg = loadDemo("bg").ruleSet().inForce("RS", LocalDate.parse("2026-11-18")).orElseThrow();
        Agreement rs = loadDemo("rs").ruleSet().inForce("BG", LocalDate.parse("2026-11-18")).orElseThrow();
        assertEquals(UnsharedElements.REFUSE, bg.inboundUnshared());
        assertEquals(UnsharedElements.STRIP, rs.inboundUnshared());
        assertTrue(bg.aeo().isEmpty());
        assertTrue(bg.controls().isEmpty());
        assertEquals(ValidationProfile.Profile.NON_EU, bg.validation().profile());
    }

    @Test
    void the_transit_sample_goes_from_macedonia_to_serbia_and_bulgaria_and_each_accepts_it() throws IOException {
        NotificationFacts facts = NotificationFacts.read(
                Files.readAllBytes(CONFIG.resolve("samples/valid/mk-to-bg-transit-pre-arrival.xml")));
        LocalDate day = facts.preparedAt().toLocalDate();
        assertEquals(java.util.List.of("RS", "BG"), facts.countriesAfterSender());
        RuleSet mk = loadDemo("mk").ruleSet();
        for (String receiver : facts.countriesAfterSender()) {
            Agreement sending = mk.inForce(receiver, day).orElseThrow();
            assertTrue(sending.sendFlow(facts.type(), facts.officesIn(receiver)).isPresent(), sending.label());
            Agreement receiving = loadDemo(receiver.toLowerCase()).ruleSet().inForce("MK", day).orElseThrow();
            assertEquals(sending.id(), receiving.id());
            assertEquals(sending.version(), receiving.version());
            assertTrue(receiving.acceptFlow(facts.type(), facts.officesIn(receiver)).isPresent(), receiving.label());
        }
        Agreement serbia = loadDemo("rs").ruleSet().inForce("MK", day).orElseThrow();
        String consignor = facts.aeoParties().get(0).identification();
        assertTrue(serbia.aeo().orElseThrow().identity(consignor).orElseThrow().validOn(day));
    }
}
