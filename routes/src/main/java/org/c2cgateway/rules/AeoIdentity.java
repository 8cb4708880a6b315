package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the list of recognised AEO identities the administrations exchange: an operator's AEO
 * identifier, the programme its authorisation is under, and how long the authorisation is valid.
 *
 * @param identification the AEO identifier (EORI or TIN)
 * @param programme      the partner's programme, e.g. {@code AEOF}, {@code AEOS}, {@code AEOC}
 * @param validUntil     the last day the authorisation is valid, when the list says
 * @param line           1-based line in the list, for errors and explanations
 */
public record AeoIdentity(String identification, String programme, Optional<LocalDate> validUntil, int line) {

    public AeoIdentity {
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    public boolean validOn(LocalDate day) {
        return validUntil.map(last -> !day.isAfter(last)).orElse(true);
    }
}
