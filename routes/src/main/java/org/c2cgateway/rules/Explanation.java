package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a dry run ({@link Explainer}): what the agreements in force on a day would do with one
 * notification, and which clause of which agreement version decided each point. For a notification this
 * country sends, one {@link PartnerOutcome} per country of its itinerary; for one received from a partner,
 * one for the sender.
 *
 * @param direction   {@code OUTBOUND} (this country sends it) or {@code INBOUND} (a partner sent it)
 * @param type        the notification type
 * @param mrn         the movement
 * @param day         the day the agreements were taken in force on
 * @param partners    per partner concerned, what happens
 * @param refusal     when the notification as a whole is refused (not sent at all, or not accepted), why
 */
public record Explanation(String direction, String type, String mrn, LocalDate day, List<PartnerOutcome> partners,
                          Optional<Refusal> refusal) {

    public Explanation {
        Objects.requireNonNull(direction, "direction");
        partners = List.copyOf(partners);
        Objects.requireNonNull(refusal, "refusal");
    }

    /** A refusal: the clause, the field of the notification it concerns, and why. */
    public record Refusal(String clause, String location, String field, String reason) {
    }

    /**
     * What happens between this gateway and one partner.
     *
     * @param partner        the partner's country
     * @param exchanged      whether the notification is sent to (or accepted from) this partner
     * @param reason         why not, when it is not; how it was decided, when it is
     * @param agreement      the agreement version that decided ({@code RS-MK-SEED v2}), when one is in force
     * @param flow           the flow clause that lets it through, when one does
     * @param kept           the elements the partner gets (leaf elements, with positions)
     * @param removed        the elements removed, with the clause
     * @param pseudonymised  the elements pseudonymised, with the clause
     * @param aeo            the parties whose AEO status is recognised, with benefits
     * @param control        the recognised control result, if any
     * @param seals          the recognised seal practices, if any
     * @param validationRules the partner-specific validation rules applied
     */
    public record PartnerOutcome(String partner, boolean exchanged, String reason, Optional<String> agreement,
                                 Optional<String> flow, List<ElementAction> kept, List<ElementAction> removed,
                                 List<ElementAction> pseudonymised, List<RecognitionMarks.RecognisedAeo> aeo,
                                 Optional<RecognitionMarks.RecognisedControl> control,
                                 Optional<RecognitionMarks.RecognisedSeals> seals, List<String> validationRules) {
    }

    /** The explanation as a terminal prints it. */
    public String toText() {
        return ExplanationText.of(this);
    }
}
