package org.c2cgateway.rules;

import java.util.Map;
import java.util.Objects;

/**
 * What lint checks the rule files against beyond themselves: this gateway's own country, and the partners
 * configured in the gateway's configuration, each with whether its trust is configured (issuing CAs and
 * accepted signing certificates).
 *
 * @param ownCountry        this gateway's country
 * @param partnerTrust      partner country → whether trust is configured for it
 */
public record LintContext(String ownCountry, Map<String, Boolean> partnerTrust) {

    public LintContext {
        Objects.requireNonNull(ownCountry, "ownCountry");
        partnerTrust = Map.copyOf(partnerTrust);
    }
}
