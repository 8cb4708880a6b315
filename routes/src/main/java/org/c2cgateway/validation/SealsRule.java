package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * NCTS C0569: a number of seals above 0 requires the seal identifiers, 0 forbids them, and the number
 * must equal the identifiers given. The office of entry checks each seal by its identifier, so a
 * count without identifiers (or the reverse) cannot be verified at the border.
 */
final class SealsRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C0569", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        for (NotificationDocument.Field seals : notification.all("Seals")) {
            NotificationDocument.Field count = notification.child(seals.element(), "NumberOfSeals").orElse(null);
            if (count == null || !count.value().matches("[0-9]{1,9}")) {
                continue;
            }
            int declared = Integer.parseInt(count.value());
            int given = notification.children(seals.element(), "SealId").size();
            if (declared > 0 && given == 0) {
                findings.add(CODE.at(count, declared + " seals declared but no SealId given (C0569)",
                        NctsErrorCategory.MISSING_CONDITION));
            } else if (declared == 0 && given > 0) {
                findings.add(CODE.at(count, "no seals declared but " + given + " SealId given (C0569)",
                        NctsErrorCategory.CONDITION_NOT_ALLOWED));
            } else if (declared != given) {
                findings.add(CODE.at(count, declared + " seals declared but " + given + " SealId given (C0569)"));
            }
        }
        return findings;
    }
}
