package org.c2cgateway.validation;

import java.util.List;

/**
 * No notification may carry {@code Recognition}, whether a national system submits it or a partner sends
 * it: the element states what the receiving administration recognises, and only the receiving gateway
 * writes it, after validation. A sender that set it would be granting its own traders recognition.
 */
final class RecognitionRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-RECOGNITION", Severity.ERROR,
            NctsErrorCategory.CONDITION_NOT_ALLOWED);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        return notification.header("Recognition")
                .map(recognition -> List.of(CODE.at(recognition, "Recognition is set only by the receiving gateway;"
                        + " a notification submitted or received may not carry it")))
                .orElse(List.of());
    }
}
