package org.c2cgateway.validation;

/**
 * A business rule's stable identity: its code (the NCTS rule or condition number where one exists,
 * e.g. {@code R0028}, else our own {@code C2C-…}), how much a breach counts, and its NCTS category.
 * Builds findings whose message starts with the path, so a message read on its own still says where.
 */
record RuleCode(String code, Severity severity, NctsErrorCategory category) {

    ValidationFinding at(NotificationDocument.Field field, String message) {
        return at(field, message, category);
    }

    /** For a rule whose sub-cases fall into different NCTS categories (missing, not allowed, wrong). */
    ValidationFinding at(NotificationDocument.Field field, String message, NctsErrorCategory specific) {
        return new ValidationFinding(field.path(), code, field.path() + ": " + message, severity, specific);
    }
}
