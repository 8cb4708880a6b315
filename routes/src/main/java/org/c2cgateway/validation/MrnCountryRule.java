package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * MRN structure (REFERENCE.md rule 1): the schema checks the shape (2-digit year, 2 letters, 12
 * alphanumerics, a letter, a check character); this rule adds that the two letters are a real
 * country, the one whose administration issued the MRN.
 */
final class MrnCountryRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-MRN-COUNTRY", Severity.ERROR,
            NctsErrorCategory.CODE_LIST_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        notification.header("MRN").filter(mrn -> mrn.value().length() == 18).ifPresent(mrn -> {
            String country = mrn.value().substring(2, 4);
            if (!CountryCodes.isKnown(country)) {
                findings.add(CODE.at(mrn, "characters 3-4 of MRN " + mrn.value() + " ('" + country
                        + "') are not an ISO 3166-1 alpha-2 country code"));
            }
        });
        return findings;
    }
}
