package org.c2cgateway.validation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NCTS R0004/R0005: the estimated arrival at the office of entry is later than the moment the
 * notification was prepared; a pre-arrival notice about an arrival already in the past is wrong
 * data (often a local time sent with the wrong offset). The release time that R0005 also compares
 * with is not part of the canonical model, so the preparation time stands in for it.
 */
final class EstimatedArrivalRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("R0004", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        Optional<NotificationDocument.Field> arrival = notification.header("EstimatedArrivalDateTime");
        Optional<NotificationDocument.Field> preparation = notification.header("PreparationDateTime");
        Optional<OffsetDateTime> prepared = preparation.flatMap(field -> XmlDateTimes.parse(field.value()));
        if (arrival.isEmpty() || prepared.isEmpty()) {
            return findings;
        }
        XmlDateTimes.parse(arrival.get().value()).filter(time -> !time.isAfter(prepared.get())).ifPresent(time ->
                findings.add(CODE.at(arrival.get(), "estimated arrival " + arrival.get().value()
                        + " is not later than the preparation time " + preparation.get().value() + " (R0004, R0005)")));
        return findings;
    }
}
