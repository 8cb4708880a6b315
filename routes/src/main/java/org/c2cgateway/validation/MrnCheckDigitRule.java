package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * NCTS R0028: the 18th character of the MRN is the ISO 6346 check digit over the first 17. A typo
 * in an MRN would otherwise link the notification to another movement, or to none, on the partner's side.
 */
final class MrnCheckDigitRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("R0028", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        notification.header("MRN").filter(mrn -> mrn.value().length() == 18).ifPresent(mrn -> {
            int expected = Iso6346.checkDigit(mrn.value().substring(0, 17));
            if (expected >= 0 && mrn.value().charAt(17) != (char) ('0' + expected)) {
                findings.add(CODE.at(mrn, "MRN " + mrn.value() + " ends in check digit '" + mrn.value().charAt(17)
                        + "', but the ISO 6346 check digit of its first 17 characters is " + expected + " (R0028)"));
            }
        });
        return findings;
    }
}
