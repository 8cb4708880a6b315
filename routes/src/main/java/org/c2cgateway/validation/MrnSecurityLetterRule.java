package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NCTS R0410: in a transit MRN the 17th character states which safety and security data the
 * declaration carries (security indicator 0→J, 1→L, 2→K, 3→M), so the two must agree.
 *
 * <p>A pre-arrival notification is a transit record (IE050/IE115), so the rule always applies there
 * when a security indicator is given. An exit notification may concern an export MRN, whose 17th
 * character is an AES procedure letter R0410 does not govern; there the rule applies only when the
 * MRN is a transit one (17th character J, K, L or M).
 */
final class MrnSecurityLetterRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("R0410", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    private static final Map<String, Character> LETTER_BY_INDICATOR = Map.of("0", 'J', "1", 'L', "2", 'K', "3", 'M');

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        Optional<NotificationDocument.Field> indicator = notification.header("SecurityIndicator");
        Optional<NotificationDocument.Field> mrn = notification.header("MRN").filter(m -> m.value().length() == 18);
        if (indicator.isEmpty() || mrn.isEmpty() || !LETTER_BY_INDICATOR.containsKey(indicator.get().value())) {
            return findings;
        }
        char actual = mrn.get().value().charAt(16);
        char expected = LETTER_BY_INDICATOR.get(indicator.get().value());
        boolean applies = notification.isPreArrival() || LETTER_BY_INDICATOR.containsValue(actual);
        if (applies && actual != expected) {
            findings.add(CODE.at(mrn.get(), "17th character of MRN " + mrn.get().value() + " is '" + actual
                    + "', but security indicator " + indicator.get().value() + " requires '" + expected
                    + "' (0→J, 1→L, 2→K, 3→M; R0410)"));
        }
        return findings;
    }
}
