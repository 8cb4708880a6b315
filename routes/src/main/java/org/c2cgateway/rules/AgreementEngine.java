package org.c2cgateway.rules;

import java.util.Objects;

import org.c2cgateway.partner.OwnIdentity;

/**
 * Applies the agreements in force to one notification: outbound, who receives it and what each receiver
 * gets; inbound, whether the partner may send it, what is stripped, and what is recognised.
 */
public final class AgreementEngine {

    private final RulesInForce rules;
    private final OwnIdentity self;
    private final Minimiser minimiser;

    public AgreementEngine(RulesInForce rules, OwnIdentity self, Minimiser minimiser) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.self = Objects.requireNonNull(self, "self");
        this.minimiser = Objects.requireNonNull(minimiser, "minimiser");
    }
}
