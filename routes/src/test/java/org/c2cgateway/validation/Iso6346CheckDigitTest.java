package org.c2cgateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ISO 6346 check digit (R0028 for MRNs, and containers) against published identifiers and an
 * independent oracle (letter values written out as ISO 6346 tabulates them), and the property that
 * every single-character substitution is detected, except the two blind spots the algorithm has by
 * construction (see {@link Iso6346}); those are asserted to be the only ones.
 */
class Iso6346CheckDigitTest {

    /** ISO 6346's letter values, as tabulated in the standard (multiples of 11 skipped). */
    private static final Map<Character, Integer> TABLE = Map.ofEntries(
            Map.entry('A', 10), Map.entry('B', 12), Map.entry('C', 13), Map.entry('D', 14), Map.entry('E', 15),
            Map.entry('F', 16), Map.entry('G', 17), Map.entry('H', 18), Map.entry('I', 19), Map.entry('J', 20),
            Map.entry('K', 21), Map.entry('L', 23), Map.entry('M', 24), Map.entry('N', 25), Map.entry('O', 26),
            Map.entry('P', 27), Map.entry('Q', 28), Map.entry('R', 29), Map.entry('S', 30), Map.entry('T', 31),
            Map.entry('U', 32), Map.entry('V', 34), Map.entry('W', 35), Map.entry('X', 36), Map.entry('Y', 37),
            Map.entry('Z', 38));

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /**
     * The MRN published in REFERENCE.md (an EU example), the container ID ISO 6346's own example uses,
     * and identifiers whose check digits were computed by hand with the table above (the samples' MRNs
     * and containers).
     */
    static Stream<String> validIdentifiers() {
        return Stream.of("24GB000246J8NY33L7", "CSQU3054383",
                "26RS0110T0000452M5", "26RS0110T0000917J6", "27BG0010T0001873K8", "27MK0010T0000321L6",
                "MSKU6042138", "TGHU7715209");
    }

    @ParameterizedTest
    @MethodSource("validIdentifiers")
    void publishedIdentifierHasAValidCheckDigit(String id) {
        assertTrue(Iso6346.hasValidCheckDigit(id), id);
        assertEquals(oracle(id.substring(0, id.length() - 1)), Iso6346.checkDigit(id.substring(0, id.length() - 1)));
    }

    @ParameterizedTest
    @MethodSource("validIdentifiers")
    void everySingleSubstitutionIsDetectedExceptTheAlgorithmsBlindSpots(String id) {
        List<String> blindSpots = new ArrayList<>();
        for (int position = 0; position < id.length(); position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == id.charAt(position)) {
                    continue;
                }
                String mutant = id.substring(0, position) + replacement + id.substring(position + 1);
                boolean detected = !Iso6346.hasValidCheckDigit(mutant);
                boolean checkDigitChanged = position == id.length() - 1;
                if (checkDigitChanged) {
                    assertTrue(detected, "changed check digit undetected: " + mutant);
                } else if (!detected) {
                    assertTrue(isBlindSpot(id, position, replacement), "undetected and no known blind spot: " + mutant);
                    blindSpots.add(mutant);
                } else {
                    assertFalse(isBlindSpot(id, position, replacement), "oracle says blind spot but detected: " + mutant);
                }
            }
        }
        // 35 substitutions per body position; a blind spot must stay the exception.
        assertTrue(blindSpots.size() < (id.length() - 1) * 35 / 5, blindSpots.toString());
    }

    @org.junit.jupiter.api.Test
    void charactersOutsideTheAlphabetHaveNoCheckDigit() {
        assertEquals(-1, Iso6346.checkDigit("CSQU 05438"));
        assertEquals(-1, Iso6346.checkDigit("csqu305438"));
        assertFalse(Iso6346.hasValidCheckDigit("7"));
        assertFalse(Iso6346.hasValidCheckDigit("CSQU305438X"));
    }

    /**
     * The two documented blind spots: the new character's value differs from the old by a multiple of
     * 11 (so the weighted sum is unchanged modulo 11), or the remainder moves between 0 and 10 (both
     * written 0).
     */
    private static boolean isBlindSpot(String id, int position, char replacement) {
        if ((value(replacement) - value(id.charAt(position))) % 11 == 0) {
            return true;
        }
        String body = id.substring(0, id.length() - 1);
        String mutantBody = body.substring(0, position) + replacement + body.substring(position + 1);
        long before = remainder(body);
        long after = remainder(mutantBody);
        return before != after && before % 10 == after % 10;
    }

    private static int oracle(String body) {
        return (int) (remainder(body) % 10);
    }

    private static long remainder(String body) {
        long sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += value(body.charAt(i)) * (long) Math.pow(2, i);
        }
        return sum % 11;
    }

    private static int value(char c) {
        return Character.isDigit(c) ? c - '0' : TABLE.get(c);
    }
}
