package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customs office reference is {@code [A-Z]{2}[A-Z0-9]{6}} and its first two letters are the office's
 * country (REFERENCE.md rule 2), which must be a real one: the partner gateway is chosen by that
 * prefix, and the office-country rules (such as {@link EntryExitCountryRule}) rely on it. Applies to every element
 * the schema declares with {@code CustomsOfficeReferenceType} (offices of departure, exit, entry and
 * transit, the office that controlled).
 */
final class OfficeReferenceRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-OFFICE-REFERENCE", Severity.ERROR,
            NctsErrorCategory.CODE_LIST_VIOLATION);

    private static final Pattern OFFICE = Pattern.compile("[A-Z]{2}[A-Z0-9]{6}");

    private final Set<String> officeElements;

    OfficeReferenceRule(Set<String> officeElements) {
        this.officeElements = Set.copyOf(officeElements);
    }

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        for (String element : officeElements) {
            for (NotificationDocument.Field office : notification.all(element)) {
                if (!OFFICE.matcher(office.value()).matches()) {
                    findings.add(CODE.at(office, element + " '" + office.value()
                            + "' is not an office reference ([A-Z]{2}[A-Z0-9]{6})"));
                } else if (!CountryCodes.isKnown(office.value().substring(0, 2))) {
                    findings.add(CODE.at(office, element + " '" + office.value() + "' starts with '"
                            + office.value().substring(0, 2) + "', which is not an ISO 3166-1 alpha-2 country code"));
                }
            }
        }
        return findings;
    }
}
