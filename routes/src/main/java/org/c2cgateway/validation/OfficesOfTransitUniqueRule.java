package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NCTS R0003: each office of transit appears once. A repeated office would make the partner expect
 * the same movement twice at one office.
 */
final class OfficesOfTransitUniqueRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("R0003", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        Map<String, String> firstPath = new HashMap<>();
        for (NotificationDocument.Field office : notification.all("OfficeOfTransit")) {
            String earlier = firstPath.putIfAbsent(office.value(), office.path());
            if (earlier != null) {
                findings.add(CODE.at(office, "office of transit " + office.value() + " already appears at "
                        + earlier + "; each office of transit appears once (R0003)"));
            }
        }
        return findings;
    }
}
