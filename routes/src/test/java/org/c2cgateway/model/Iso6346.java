package org.c2cgateway.model;

/**
 * ISO 6346 check digit, as NCTS uses it for the MRN (R0028) and as containers use it. A test helper
 * to keep the samples honest until the business validator exists.
 */
final class Iso6346 {

    private Iso6346() {
    }

    /** Check digit over all characters of {@code body} (A=10, skipping multiples of 11; weights 2^i). */
    static char checkDigit(String body) {
        long sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (long) value(body.charAt(i)) << i;
        }
        return Character.forDigit((int) (sum % 11 % 10), 10);
    }

    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c < 'A' || c > 'Z') {
            throw new IllegalArgumentException("not ISO 6346: " + c);
        }
        int value = 10 + (c - 'A');
        // Values that are multiples of 11 (11, 22, 33) are skipped.
        value += (value - 1) / 10;
        return value;
    }

    /** The MRN's 17th character required by the security indicator (R0410). */
    static char mrnSecurityLetter(String securityIndicator) {
        return switch (securityIndicator) {
            case "0" -> 'J';
            case "1" -> 'L';
            case "2" -> 'K';
            case "3" -> 'M';
            default -> throw new IllegalArgumentException("security indicator " + securityIndicator);
        };
    }
}
