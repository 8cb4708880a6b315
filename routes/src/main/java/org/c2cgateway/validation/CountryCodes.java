package org.c2cgateway.validation;

import java.util.Set;

/**
 * The country codes a notification may use: the 249 officially assigned ISO 3166-1 alpha-2 codes,
 * plus {@code XK} (Kosovo), which ISO leaves user-assigned but which the EU customs code lists and
 * CEFTA's SEED exchange use, and which a Western Balkans gateway must therefore accept.
 *
 * <p>Kept in code rather than taken from {@link java.util.Locale#getISOCountries()} so that what the
 * gateway accepts does not change with the JDK; a test compares the two.
 */
final class CountryCodes {

    /** Officially assigned ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance Agency, 249 entries). */
    static final Set<String> ISO_3166_1_ASSIGNED = Set.of(("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ "
            + "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN "
            + "CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF "
            + "GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM "
            + "JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
            + "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG "
            + "PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS "
            + "ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
            + "VN VU WF WS YE YT ZA ZM ZW").split(" "));

    /** Codes accepted beyond the assigned ones, each for a stated reason (see the class comment). */
    static final Set<String> CUSTOMS_ADDITIONS = Set.of("XK");

    private CountryCodes() {
    }

    static boolean isKnown(String code) {
        return ISO_3166_1_ASSIGNED.contains(code) || CUSTOMS_ADDITIONS.contains(code);
    }
}
