package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * A commodity code is an HS6 subheading: exactly six digits (REFERENCE.md rule 6), in one of the
 * Harmonized System's chapters 01 to 97, and not chapter 77, which the HS reserves for future use.
 * The check against the national tariff (NCTS R0060) is the receiving country's, not ours.
 */
final class CommodityCodeRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-HS6", Severity.ERROR, NctsErrorCategory.CODE_LIST_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        for (NotificationDocument.Field code : notification.all("CommodityCode")) {
            if (!code.value().matches("[0-9]{6}")) {
                findings.add(CODE.at(code, "commodity code '" + code.value() + "' is not 6 digits (HS6)"));
                continue;
            }
            int chapter = Integer.parseInt(code.value().substring(0, 2));
            if (chapter < 1 || chapter > 97 || chapter == 77) {
                findings.add(CODE.at(code, "commodity code " + code.value() + " is in chapter "
                        + code.value().substring(0, 2) + ", which the Harmonized System does not have"
                        + " (chapters 01-97, 77 reserved)"));
            }
        }
        return findings;
    }
}
