package org.c2cgateway.rules;

import java.util.Objects;
import java.util.Set;

/**
 * Which partner-specific validation rules apply to data exchanged with this partner, on top of the rules
 * every notification meets. An EU partner's data gets the checks only EU states can run (the EORI); a
 * non-EU partner's trader identifiers are trusted as sent (NCTS G0201, R0840, R0850; REFERENCE.md rule 5).
 *
 * @param profile the base profile
 * @param rules   the partner-specific rule codes in force: the profile's, plus those the agreement adds,
 *                minus those it removes
 * @param ref     the clause ({@code validation})
 */
public record ValidationProfile(Profile profile, Set<String> rules, ClauseRef ref) {

    /** A partner's base profile. */
    public enum Profile {
        /** Checks that need the EU's registers apply (EORI syntax of EU-prefixed trader identifiers). */
        EU,
        /** Only the common rules: trader identifiers are trusted as sent. */
        NON_EU
    }

    public ValidationProfile {
        Objects.requireNonNull(profile, "profile");
        rules = Set.copyOf(rules);
        Objects.requireNonNull(ref, "ref");
    }
}
