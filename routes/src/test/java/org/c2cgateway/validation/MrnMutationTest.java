package org.c2cgateway.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * End to end through {@link NotificationValidator}: every single-character substitution of the
 * published MRN {@code 24GB000246J8NY33L7}, placed in a pre-arrival notification, is rejected (by the
 * schema's MRN pattern, R0028, R0410, C2C-MRN-COUNTRY or C2C-OFFICE-DEPARTURE), except the ISO 6346
 * blind spots (a value changed by a multiple of 11, or a remainder moved between 0 and 10), which no
 * rule can see outside the 17th character. About 1 in 25 substitutions is such a blind spot.
 */
class MrnMutationTest {

    private static final String PUBLISHED = "24GB000246J8NY33L7";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final NotificationValidator validator = new NotificationValidator(1024 * 1024);

    @Test
    void publishedMrnIsAccepted() {
        ValidationReport report = validator.validate(preArrivalWith(PUBLISHED));

        assertTrue(report.accepted(), BusinessRulesTest.dump(report));
    }

    @Test
    void everySubstitutionIsRejectedExceptIso6346BlindSpots() {
        List<String> accepted = new ArrayList<>();
        for (int position = 0; position < PUBLISHED.length(); position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == PUBLISHED.charAt(position)) {
                    continue;
                }
                String mutant = PUBLISHED.substring(0, position) + replacement + PUBLISHED.substring(position + 1);
                if (validator.validate(preArrivalWith(mutant)).accepted()) {
                    accepted.add(mutant);
                }
            }
        }
        for (String mutant : accepted) {
            assertTrue(isIso6346BlindSpot(mutant), "accepted although ISO 6346 sees it: " + mutant);
        }
        assertTrue(accepted.size() * 20 < PUBLISHED.length() * 35, "blind spots accepted: " + accepted);
    }

    /** A mutant whose ISO 6346 check still holds: the algorithm cannot see it (see {@link Iso6346}). */
    private static boolean isIso6346BlindSpot(String mutant) {
        return Iso6346.hasValidCheckDigit(mutant);
    }

    /**
     * The RS-to-MK pre-arrival sample carrying the GB MRN, with what the MRN implies made consistent:
     * security indicator 1 (its L) and the GB office of departure its digits name.
     */
    private static byte[] preArrivalWith(String mrn) {
        String text = new String(Edits.sampleWith("rs-to-mk-pre-arrival.xml", "<MRN>26RS0110T0000452M5<",
                "<MRN>" + mrn + "<"), StandardCharsets.UTF_8);
        return text.replace("<SecurityIndicator>3<", "<SecurityIndicator>1<")
                .replace("<OfficeOfDeparture>RS011000<", "<OfficeOfDeparture>GB000246<")
                .getBytes(StandardCharsets.UTF_8);
    }
}
