package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The office of entry is in another country than the office of exit. A notification describes one
 * border crossing (the exit data of country A is the pre-arrival data of country B); entry and exit
 * in the same country is a data error, and would also route the message back to its sender.
 */
final class EntryExitCountryRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-OFFICE-ENTRY-EXIT", Severity.ERROR,
            NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        Optional<NotificationDocument.Field> exit = notification.header("OfficeOfExit");
        Optional<NotificationDocument.Field> entry = notification.header("OfficeOfEntry");
        if (exit.isPresent() && entry.isPresent() && sameCountry(exit.get(), entry.get())) {
            findings.add(CODE.at(entry.get(), "office of entry " + entry.get().value()
                    + " is in the same country as the office of exit " + exit.get().value()
                    + "; a notification crosses a border"));
        }
        return findings;
    }

    private static boolean sameCountry(NotificationDocument.Field a, NotificationDocument.Field b) {
        return a.value().length() >= 2 && b.value().length() >= 2
                && a.value().regionMatches(0, b.value(), 0, 2);
    }
}
