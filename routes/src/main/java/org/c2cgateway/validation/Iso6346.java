package org.c2cgateway.validation;

/**
 * The ISO 6346 check digit, which NCTS reuses for the MRN (R0028) and containers carry in their
 * own identifier. Letters count A=10, B=12 … Z=38, skipping the multiples of 11; the character at
 * position i is weighted 2^i; the check digit is the sum modulo 11, with a remainder of 10 written as 0.
 *
 * <p>What it cannot see, by construction: replacing a character by another whose value differs by
 * a multiple of 11 (e.g. {@code A}/{@code K}/{@code U}, {@code 1}/{@code B}/{@code L}), and a change
 * that moves the remainder between 0 and 10 (both give the digit 0).
 */
public final class Iso6346 {

    private Iso6346() {
    }

    /** The value of {@code c} in the check-digit sum, or -1 outside {@code 0-9A-Z}. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c < 'A' || c > 'Z') {
            return -1;
        }
        int value = 10 + (c - 'A');
        return value + (value - 1) / 10; // skips 11, 22 and 33
    }

    /** The check digit (0–9) over every character of {@code body}, or -1 if one is outside {@code 0-9A-Z}. */
    public static int checkDigit(CharSequence body) {
        long sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int value = value(body.charAt(i));
            if (value < 0) {
                return -1;
            }
            sum += (long) value << i;
        }
        return (int) (sum % 11 % 10);
    }

    /** True when the last character of {@code id} is the check digit of the characters before it. */
    static boolean hasValidCheckDigit(String id) {
        if (id.length() < 2) {
            return false;
        }
        int expected = checkDigit(id.substring(0, id.length() - 1));
        return expected >= 0 && id.charAt(id.length() - 1) == (char) ('0' + expected);
    }
}
