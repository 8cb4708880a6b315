package org.c2cgateway.validation;

import java.util.Set;

/**
 * The validation rules that apply only to some partners' data, chosen by each agreement's validation profile
 * (REFERENCE.md rule 5: only EU states can check an EORI; a non-EU TIN is trusted as sent, G0201).
 */
public final class PartnerSpecificRules {

    /** Trader identifiers with an EU member state's prefix must be well-formed EORI numbers (R0840, R0850). */
    public static final String EORI = "C2C-EORI";

    private PartnerSpecificRules() {
    }

    /** The rule with this code. */
    static BusinessRule rule(String code) {
        if (EORI.equals(code)) {
            return new EoriRule();
        }
        throw new IllegalArgumentException("no partner-specific rule " + code + "; known: " + codes());
    }

    /** Every partner-specific rule code. */
    public static Set<String> codes() {
        return Set.of(EORI);
    }

    /** The codes the EU profile applies; the NON_EU profile applies none. */
    public static Set<String> euProfile() {
        return Set.of(EORI);
    }
}
