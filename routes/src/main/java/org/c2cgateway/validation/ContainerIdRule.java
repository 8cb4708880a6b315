package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A container identifier should be an ISO 6346 number (owner code, category U/J/Z, 6-digit serial,
 * check digit) with a correct check digit. Only a WARNING (REFERENCE.md rule 8): real traffic carries
 * non-ISO identifiers, such as swap bodies and railway wagons, and rejecting them would stop real goods.
 */
final class ContainerIdRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-CONTAINER-ISO6346", Severity.WARNING,
            NctsErrorCategory.RULE_VIOLATION);

    private static final Pattern ISO_6346 = Pattern.compile("[A-Z]{3}[UJZ][0-9]{7}");

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        for (NotificationDocument.Field container : notification.all("ContainerId")) {
            String id = container.value();
            if (!ISO_6346.matcher(id).matches()) {
                findings.add(CODE.at(container, "container " + id + " is not an ISO 6346 number"
                        + " (3-letter owner code, U/J/Z, 6 digits, check digit)"));
            } else if (!Iso6346.hasValidCheckDigit(id)) {
                findings.add(CODE.at(container, "container " + id + " ends in check digit " + id.charAt(10)
                        + ", but ISO 6346 gives " + Iso6346.checkDigit(id.substring(0, 10))));
            }
        }
        return findings;
    }
}
