package org.c2cgateway.app.rules;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;

import org.c2cgateway.rules.Agreement;
import org.c2cgateway.rules.RuleSet;
import org.c2cgateway.rules.RulesInForce;

/**
 * {@code c2c_rules_agreement_version{partner,agreement}}: the version in force today with each partner (0 on a day
 * none of that agreement's versions is), so a dashboard shows a new version taking effect, and an alert can catch
 * a partner left without one; {@code c2c_rules_reload_total{outcome}} counts reloads applied and refused.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class RuleMetrics implements ApplicationEventListener<RulesReloaded> {

    static final String AGREEMENT_VERSION = "c2c.rules.agreement.version";
    static final String RELOADS = "c2c.rules.reload";

    private final RulesInForce rules;
    private final MultiGauge versions;
    private final Counter applied;
    private final Counter refused;

    public RuleMetrics(MeterRegistry registry, RulesInForce rules) {
        this.rules = rules;
        this.versions = MultiGauge.builder(AGREEMENT_VERSION)
                .description("The version of the agreement with the partner in force today; 0 when none is")
                .register(registry);
        this.applied = reloads(registry, "applied");
        this.refused = reloads(registry, "refused");
        refresh(rules.current());
    }

    private static Counter reloads(MeterRegistry registry, String outcome) {
        return Counter.builder(RELOADS).description("Reloads of the agreement files, applied or refused (lint findings)")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void onApplicationEvent(RulesReloaded event) {
        (event.applied() ? applied : refused).increment();
        refresh(event.inForce());
    }

    /** One row per agreement held with each partner; its value is read at each scrape, so midnight moves it. */
    private void refresh(RuleSet held) {
        Set<Held> rows = new LinkedHashSet<>();
        held.all().forEach(agreement -> rows.add(new Held(agreement.partner(), agreement.id())));
        versions.register(rows.stream().map(row -> MultiGauge.Row.of(
                Tags.of("partner", row.partner(), "agreement", row.agreementId()), rules, row::versionToday)).toList(),
                true);
    }

    /** An agreement with a partner, whatever its versions. */
    private record Held(String partner, String agreementId) {

        double versionToday(RulesInForce rules) {
            return rules.current().inForce(partner, LocalDate.now()).filter(a -> a.id().equals(agreementId))
                    .map(Agreement::version).orElse(0);
        }
    }
}
