package org.c2cgateway.validation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An exit notification confirms an exit that has happened, so the actual exit is not later than the
 * moment the notification was prepared. The exit time is recorded at the border office and the
 * preparation time by the central system, so {@link #CLOCK_SKEW} of difference between their clocks is
 * tolerated. (The opposite order, exit before preparation, is the normal case and always accepted.)
 */
final class ActualExitRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-EXIT-TIME", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        Optional<NotificationDocument.Field> exit = notification.header("ActualExitDateTime");
        Optional<NotificationDocument.Field> preparation = notification.header("PreparationDateTime");
        Optional<OffsetDateTime> prepared = preparation.flatMap(field -> XmlDateTimes.parse(field.value()));
        if (exit.isEmpty() || prepared.isEmpty()) {
            return findings;
        }
        XmlDateTimes.parse(exit.get().value()).filter(time -> time.isAfter(prepared.get().plus(CLOCK_SKEW)))
                .ifPresent(time -> findings.add(CODE.at(exit.get(), "actual exit " + exit.get().value()
                        + " is after the preparation time " + preparation.get().value()
                        + "; an exit notification reports an exit that has happened")));
        return findings;
    }
}
