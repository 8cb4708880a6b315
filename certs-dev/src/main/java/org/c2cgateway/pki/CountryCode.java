package org.c2cgateway.pki;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 3166-1 alpha-2 country code identifying one customs administration.
 *
 * <p>The code ends up in certificate subjects ({@code C=RS}), in host names
 * ({@code gw-rs.c2c.test}) and in directory names ({@code pki/rs}), so it is validated once,
 * here, instead of trusting whatever string reaches those places. Only the syntax
 * ({@code [A-Z]{2}}) is checked, not membership of the ISO list: development and test PKIs
 * legitimately use invented codes such as {@code XX} for a rogue party.
 *
 * @param value the upper-case two-letter code, e.g. {@code RS}
 */
public record CountryCode(String value) {

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    /**
     * Validates the code.
     *
     * @throws IllegalArgumentException if the code is not exactly two upper-case ASCII letters
     */
    public CountryCode {
        Objects.requireNonNull(value, "country code");
        if (!ALPHA_2.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid country code '" + value
                    + "': expected an ISO 3166-1 alpha-2 code of two upper-case letters matching [A-Z]{2}, e.g. RS, MK, BG");
        }
    }

    /**
     * Parses a code, with the same validation as the constructor.
     *
     * @param value the code, e.g. {@code RS}
     * @return the validated code
     */
    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    /**
     * Lower-case form, used for directory and host names ({@code pki/rs}, {@code gw-rs.c2c.test}).
     *
     * @return the code in lower case
     */
    public String lowerCase() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
