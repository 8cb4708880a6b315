package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every country code (routing, nationality of the means of transport, address country, and any element
 * the schema declares with {@code CountryCodeType}) is an assigned ISO 3166-1 alpha-2 code. The schema
 * only checks two capital letters, and the partner maps these codes to its own tables.
 */
final class CountryCodeRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-COUNTRY-CODE", Severity.ERROR,
            NctsErrorCategory.CODE_LIST_VIOLATION);

    private final Set<String> countryElements;

    CountryCodeRule(Set<String> countryElements) {
        this.countryElements = Set.copyOf(countryElements);
    }

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        for (String element : countryElements) {
            for (NotificationDocument.Field country : notification.all(element)) {
                if (!CountryCodes.isKnown(country.value())) {
                    findings.add(CODE.at(country, element + " '" + country.value()
                            + "' is not an ISO 3166-1 alpha-2 country code"));
                }
            }
        }
        return findings;
    }
}
