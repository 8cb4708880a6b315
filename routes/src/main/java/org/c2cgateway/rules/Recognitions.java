package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an agreement recognises in a notification from the partner: parties whose AEO status is recognised
 * (with the benefits of their programme), a recognised control result, and recognised seals.
 */
final class Recognitions {

    private Recognitions() {
    }

    static RecognitionMarks of(Agreement agreement, NotificationFacts facts, LocalDate day) {
        return new RecognitionMarks(agreement.id(), agreement.version(),
                agreement.aeo().map(aeo -> aeo(aeo, facts, day)).orElse(List.of()),
                agreement.controls().flatMap(controls -> control(controls, facts)),
                agreement.seals().flatMap(seals -> seals(seals, facts)));
    }

    /**
     * A party is recognised when its AEO identifier is on the exchanged list, valid on the notification's day,
     * under a programme the agreement recognises. The programme comes from the list, not from the
     * notification: a sender cannot raise its own traders' status.
     */
    private static List<RecognitionMarks.RecognisedAeo> aeo(AeoRecognition aeo, NotificationFacts facts, LocalDate day) {
        List<RecognitionMarks.RecognisedAeo> recognised = new ArrayList<>();
        for (NotificationFacts.AeoParty party : facts.aeoParties()) {
            aeo.identity(party.identification())
                    .filter(identity -> identity.validOn(day))
                    .filter(identity -> aeo.programmes().containsKey(identity.programme()))
                    .ifPresent(identity -> recognised.add(new RecognitionMarks.RecognisedAeo(party.party(),
                            party.identification(), party.roleCode(), identity.programme(),
                            aeo.programmes().get(identity.programme()), aeo.ref())));
        }
        return recognised;
    }

    private static Optional<RecognitionMarks.RecognisedControl> control(ControlRecognition controls, NotificationFacts facts) {
        return facts.controlResult().filter(result -> controls.codes().contains(result.code()))
                .map(result -> new RecognitionMarks.RecognisedControl(result.code(), result.controlledBy(), controls.ref()));
    }

    /** Every seal must follow a recognised practice, and (when required) the seals must have been found intact. */
    private static Optional<RecognitionMarks.RecognisedSeals> seals(SealRecognition seals, NotificationFacts facts) {
        if (facts.sealIds().isEmpty() || (seals.requireIntact() && facts.sealsState().orElse(1) != 1)) {
            return Optional.empty();
        }
        Set<String> practices = new LinkedHashSet<>();
        for (String sealId : facts.sealIds()) {
            Optional<SealPractice> practice = seals.practices().stream().filter(p -> p.matches(sealId)).findFirst();
            if (practice.isEmpty()) {
                return Optional.empty();
            }
            practices.add(practice.get().name());
        }
        return Optional.of(new RecognitionMarks.RecognisedSeals(List.copyOf(practices), seals.ref()));
    }
}
