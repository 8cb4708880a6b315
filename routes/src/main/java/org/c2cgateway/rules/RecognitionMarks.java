package org.c2cgateway.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the receiving gateway recognises in a notification under its agreement with the sender, delivered to
 * the national system inside the notification as its {@code Recognition} element.
 *
 * @param agreementId      the agreement
 * @param agreementVersion its version
 * @param aeo              each party whose AEO status is recognised, with its benefits
 * @param control          the recognised control result, when there is one
 * @param seals            the recognised seal practices, when the seals are recognised
 */
public record RecognitionMarks(String agreementId, int agreementVersion, List<RecognisedAeo> aeo,
                               Optional<RecognisedControl> control, Optional<RecognisedSeals> seals) {

    /** A party whose AEO status is recognised. */
    public record RecognisedAeo(String party, String identification, String roleCode, String programme,
                                Set<AeoBenefit> benefits, ClauseRef clause) {
    }

    /** A recognised control result. */
    public record RecognisedControl(String code, String controlledBy, ClauseRef clause) {
    }

    /** Recognised seals: the practices they follow. */
    public record RecognisedSeals(List<String> practices, ClauseRef clause) {
    }

    public RecognitionMarks {
        Objects.requireNonNull(agreementId, "agreementId");
        aeo = List.copyOf(aeo);
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(seals, "seals");
    }
}
