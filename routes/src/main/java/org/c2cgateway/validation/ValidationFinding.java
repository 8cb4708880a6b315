package org.c2cgateway.validation;

import java.util.Objects;

/**
 * One problem found in a notification, in a form the national system can act on without reading
 * the gateway's logs: where it is, which rule it broke, what was wrong, and how NCTS would classify it.
 *
 * @param path     XPath-like location of the element concerned, e.g.
 *                 {@code /PreArrivalNotification/GoodsItems/GoodsItem[2]/CommodityCode}; see
 *                 {@link NotificationSchemaValidator} for the indexing convention. {@code /} when the
 *                 finding concerns the document as a whole.
 * @param rule     stable code of the rule, e.g. {@code XSD:cvc-pattern-valid}, {@code XML:not-well-formed},
 *                 {@code LIMIT:payload-size}, {@code R0028}; meant for machines and statistics, unlike the message
 * @param message  human-readable explanation (English)
 * @param severity whether the finding rejects the notification
 * @param category NCTS functional error type (12, 13, 14, 15, 26)
 */
public record ValidationFinding(String path, String rule, String message, Severity severity,
                                NctsErrorCategory category) {

    public ValidationFinding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
    }

    /** A finding whose NCTS category follows from its rule code ({@link NctsErrorCategory#forRule(String)}). */
    public ValidationFinding(String path, String rule, String message, Severity severity) {
        this(path, rule, message, severity, NctsErrorCategory.forRule(rule));
    }

    /** One line for logs and trace events. */
    @Override
    public String toString() {
        return severity + " " + rule + " (NCTS " + category.code() + ") at " + path + ": " + message;
    }
}
