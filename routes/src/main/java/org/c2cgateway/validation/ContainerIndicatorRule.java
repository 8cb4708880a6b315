package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * NCTS C0055: container indicator 1 requires at least one container identifier, and 0 forbids them.
 * The indicator tells the receiving office whether to expect containers at all, so it must agree with
 * the transport equipment listed.
 */
final class ContainerIndicatorRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C0055", Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        NotificationDocument.Field indicator = notification.header("ContainerIndicator").orElse(null);
        if (indicator == null) {
            return findings;
        }
        List<NotificationDocument.Field> containers = notification.all("ContainerId");
        if ("1".equals(indicator.value()) && containers.isEmpty()) {
            findings.add(CODE.at(indicator, "container indicator 1 requires at least one"
                    + " TransportEquipment/ContainerId (C0055)", NctsErrorCategory.MISSING_CONDITION));
        } else if ("0".equals(indicator.value())) {
            for (NotificationDocument.Field container : containers) {
                findings.add(CODE.at(container, "container " + container.value() + " given, but the container"
                        + " indicator is 0 (C0055)", NctsErrorCategory.CONDITION_NOT_ALLOWED));
            }
        }
        return findings;
    }
}
