package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A UN/LOCODE (place of loading, L010, and any element the schema declares with {@code UnLocodeType})
 * is an ISO 3166-1 country code followed by three characters from {@code [A-Z2-9]} (UN/ECE
 * Recommendation 16; 0 and 1 are left out to avoid confusion with O and I). The country part must be
 * a real country; the location part cannot be checked without the full UN/LOCODE list.
 */
final class UnLocodeRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-UNLOCODE", Severity.ERROR, NctsErrorCategory.CODE_LIST_VIOLATION);

    private static final Pattern UNLOCODE = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");

    private final Set<String> locodeElements;

    UnLocodeRule(Set<String> locodeElements) {
        this.locodeElements = Set.copyOf(locodeElements);
    }

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        for (String element : locodeElements) {
            for (NotificationDocument.Field place : notification.all(element)) {
                if (!UNLOCODE.matcher(place.value()).matches()) {
                    findings.add(CODE.at(place, element + " '" + place.value()
                            + "' is not a UN/LOCODE (country code and three of [A-Z2-9])"));
                } else if (!CountryCodes.isKnown(place.value().substring(0, 2))) {
                    findings.add(CODE.at(place, element + " '" + place.value() + "': '" + place.value().substring(0, 2)
                            + "' is not an ISO 3166-1 alpha-2 country code"));
                }
            }
        }
        return findings;
    }
}
