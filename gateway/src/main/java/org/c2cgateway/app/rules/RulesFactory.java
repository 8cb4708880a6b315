package org.c2cgateway.app.rules;

import java.util.List;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.app.config.RulesConfiguration;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.rules.AgreementEngine;
import org.c2cgateway.rules.Explainer;
import org.c2cgateway.rules.Minimiser;
import org.c2cgateway.rules.Pseudonymiser;
import org.c2cgateway.rules.RuleExplainer;
import org.c2cgateway.rules.RuleSetLoad;
import org.c2cgateway.rules.RulesInForce;
import org.c2cgateway.validation.NotificationValidator;

/**
 * The agreements the gateway starts with and the engine that applies them. Files that fail lint stop the start
 * ({@link RulesRefusedException}); {@link RuleReload} replaces the set while the gateway runs.
 */
@Factory
public class RulesFactory {

    /** The first bean built from {@code c2c.rules}, so its settings are checked here. */
    @Singleton
    RuleFiles ruleFiles(GatewayConfiguration gateway, RulesConfiguration rules, List<PartnerConfiguration> partners,
                        Environment settings) {
        return RuleFiles.of(rules.checked(settings).directory(gateway), RuleFiles.lintContext(gateway, partners));
    }

    /** @throws RulesRefusedException listing every finding, when the files fail lint */
    @Singleton
    RulesInForce rulesInForce(RuleFiles files) {
        RuleSetLoad load = files.load();
        if (!load.clean()) {
            throw new RulesRefusedException(files.directory(), load.findings());
        }
        return new RulesInForce(load.ruleSet());
    }

    /** At start, so that a malformed key stops the start rather than the first notification that needs it. */
    @Context
    Pseudonymiser pseudonymiser(RulesConfiguration rules) {
        return new Pseudonymiser(rules.pseudonymKeyBytes());
    }

    @Singleton
    Minimiser minimiser(Pseudonymiser pseudonymiser) {
        return new Minimiser(pseudonymiser);
    }

    @Singleton
    AgreementEngine agreementEngine(RulesInForce rules, OwnIdentity self, Minimiser minimiser,
                                    NotificationValidator validator) {
        return new AgreementEngine(rules, self, minimiser, validator);
    }

    @Singleton
    Explainer explainer(AgreementEngine engine, NotificationValidator validator) {
        return new RuleExplainer(engine, validator);
    }
}
