package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Goods items are numbered 1..n, uniquely and in sequence (REFERENCE.md rule 10): the n-th goods item
 * in the document carries number n. A duplicate number breaks NCTS R0007 (unique item numbers); any
 * other number out of place breaks G0005 (the first item is 1 and each next one adds 1). Partners
 * refer to goods items by number in control results and discrepancies, so numbers must be unambiguous.
 * The upper bound of 1999 items is enforced by the schema and reported as G0005 by {@link LimitFindings}.
 */
final class GoodsItemNumberingRule implements BusinessRule {

    static final RuleCode DUPLICATE = new RuleCode("R0007", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);
    static final RuleCode SEQUENCE = new RuleCode("G0005", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        Map<String, String> firstPath = new HashMap<>();
        int position = 0;
        for (NotificationDocument.Field item : notification.all("GoodsItem")) {
            position++;
            NotificationDocument.Field number = notification.child(item.element(), "SequenceNumber").orElse(null);
            if (number == null) {
                continue;
            }
            String earlier = firstPath.putIfAbsent(number.value(), number.path());
            if (earlier != null) {
                findings.add(DUPLICATE.at(number, "goods item number " + number.value() + " is already used at "
                        + earlier + "; goods item numbers are unique (R0007)"));
            } else if (!number.value().equals(String.valueOf(position))) {
                findings.add(SEQUENCE.at(number, "goods item " + position + " is numbered " + number.value()
                        + "; goods items are numbered 1, 2, 3 … in document order (G0005)"));
            }
        }
        return findings;
    }
}
