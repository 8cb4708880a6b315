package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No office of transit is in the country of departure: in common transit an office of transit is the
 * office of entry into another contracting party's territory, so one in the departure country is a
 * mistaken office (usually the departure or exit office entered twice).
 */
final class TransitCountryRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-OFFICE-TRANSIT", Severity.ERROR,
            NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        Optional<NotificationDocument.Field> departure = notification.header("OfficeOfDeparture")
                .filter(office -> office.value().length() >= 2);
        if (departure.isEmpty()) {
            return findings;
        }
        String departureCountry = departure.get().value().substring(0, 2);
        for (NotificationDocument.Field transit : notification.all("OfficeOfTransit")) {
            if (transit.value().startsWith(departureCountry)) {
                findings.add(CODE.at(transit, "office of transit " + transit.value() + " is in " + departureCountry
                        + ", the country of departure (" + departure.get().value() + "); offices of transit are"
                        + " where the goods enter another country"));
            }
        }
        return findings;
    }
}
