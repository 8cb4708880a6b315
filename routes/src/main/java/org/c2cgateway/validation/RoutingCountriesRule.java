package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The countries of routing (the itinerary) include the country of every office the goods pass: the
 * office of exit, the office of entry and each office of transit. The receiving country's risk
 * analysis reads the itinerary; an office outside it means the itinerary or the office is wrong.
 * Applies whenever an itinerary is given (pre-arrival notifications; exit notifications carry none).
 */
final class RoutingCountriesRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-ROUTING", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    private static final List<String> OFFICES_ON_THE_WAY = List.of("OfficeOfExit", "OfficeOfEntry", "OfficeOfTransit");

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        List<NotificationDocument.Field> routing = notification.all("CountryOfRouting");
        if (routing.isEmpty()) {
            return findings;
        }
        Set<String> itinerary = routing.stream().map(NotificationDocument.Field::value).collect(Collectors.toSet());
        for (String element : OFFICES_ON_THE_WAY) {
            for (NotificationDocument.Field office : notification.all(element)) {
                if (office.value().length() >= 2 && !itinerary.contains(office.value().substring(0, 2))) {
                    findings.add(CODE.at(office, element + " " + office.value() + " is in "
                            + office.value().substring(0, 2) + ", which is not among the countries of routing "
                            + routing.stream().map(NotificationDocument.Field::value).toList()));
                }
            }
        }
        return findings;
    }
}
