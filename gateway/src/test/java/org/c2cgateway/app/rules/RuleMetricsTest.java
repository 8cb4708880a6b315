package org.c2cgateway.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.c2cgateway.rules.LintFinding;
import org.c2cgateway.rules.RuleSet;
import org.c2cgateway.rules.RulesInForce;
import org.junit.jupiter.api.Test;

class RuleMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void reports_the_version_in_force_today_and_counts_reloads_by_outcome() {
        LocalDate today = LocalDate.now();
        RulesInForce rules = new RulesInForce(new RuleSet(List.of(
                TestAgreements.agreement("RS-MK", 1, "MK", today.minusYears(1), "rs-mk-v1.yml"),
                TestAgreements.agreement("RS-BG", 3, "BG", today.plusDays(1), "rs-bg-v3.yml"))));
        RuleMetrics metrics = new RuleMetrics(registry, rules);

        assertEquals(1.0, version("MK", "RS-MK"));
        assertEquals(0.0, version("BG", "RS-BG"), "not yet in force");

        RuleSet next = new RuleSet(List.of(TestAgreements.agreement("RS-MK", 1, "MK", today.minusYears(1), "a.yml"),
                TestAgreements.agreement("RS-MK", 2, "MK", today, "b.yml")));
        rules.replace(next);
        metrics.onApplicationEvent(new RulesReloaded(true, next, List.of()));
        metrics.onApplicationEvent(new RulesReloaded(false, next, List.of(new LintFinding("c.yml", 1, "version", "x"))));

        assertEquals(2.0, version("MK", "RS-MK"));
        assertEquals(null, registry.find(RuleMetrics.AGREEMENT_VERSION).tag("partner", "BG").gauge(),
                "an agreement no longer held is no longer reported");
        assertEquals(1.0, registry.get(RuleMetrics.RELOADS).tag("outcome", "applied").counter().count());
        assertEquals(1.0, registry.get(RuleMetrics.RELOADS).tag("outcome", "refused").counter().count());
    }

    private double version(String partner, String agreement) {
        return registry.get(RuleMetrics.AGREEMENT_VERSION).tags("partner", partner, "agreement", agreement).gauge()
                .value();
    }
}
