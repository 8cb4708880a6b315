package org.c2cgateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NctsErrorCategoryTest {

    @Test
    void codesAreNctsFunctionalErrorTypes() {
        assertEquals("12 13 14 15 26", String.join(" ", Arrays.stream(NctsErrorCategory.values())
                .map(category -> String.valueOf(category.code())).toList()));
    }

    @ParameterizedTest
    @CsvSource({
            "XSD:cvc-pattern-valid, 12",
            "XSD:cvc-enumeration-valid, 12",
            "XSD:cvc-complex-type.2.4.a, 13",
            "XSD:cvc-complex-type.2.4.b, 13",
            "XSD:cvc-complex-type.2.4.d, 15",
            "XSD:cvc-maxLength-valid, 14",
            "XML:not-well-formed, 14",
            "LIMIT:payload-size, 14",
            "ROUTING:unknown-partner, 14",
            "DUPLICATE:message-id, 26"})
    void fourArgumentFindingDerivesItsCategoryFromTheRule(String rule, int code) {
        ValidationFinding finding = new ValidationFinding("/", rule, "m", Severity.ERROR);

        assertEquals(code, finding.category().code());
    }

    @Test
    void businessFindingKeepsItsStatedCategory() {
        ValidationFinding finding = new ValidationFinding("/", "C0569", "m", Severity.ERROR,
                NctsErrorCategory.MISSING_CONDITION);

        assertEquals(13, finding.category().code());
        assertEquals("ERROR C0569 (NCTS 13) at /: m", finding.toString());
    }

    @Test
    void countryListIsTheAssignedIso3166SetPlusKosovo() {
        Set<String> jdk = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

        assertEquals(jdk, new TreeSet<>(CountryCodes.ISO_3166_1_ASSIGNED));
        assertEquals(249, CountryCodes.ISO_3166_1_ASSIGNED.size());
        assertEquals(Set.of("XK"), CountryCodes.CUSTOMS_ADDITIONS);
    }
}
