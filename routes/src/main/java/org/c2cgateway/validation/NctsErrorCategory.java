package org.c2cgateway.validation;

/**
 * The NCTS functional error type of a finding, beside our own rule code, so that a partner or national
 * system used to NCTS rejections (IE906/IE917 functional errors) can classify our findings the same way.
 * The numeric codes are NCTS's (see {@code shared/domain/REFERENCE.md}, validation rule 11).
 *
 * <p>Business rules state their category explicitly. For the schema and parser findings, which only
 * carry a Xerces key, {@link #forRule(String)} derives one.
 */
public enum NctsErrorCategory {

    /** 12: the value is not one the code list or format allows. */
    CODE_LIST_VIOLATION(12),
    /** 13: something a condition requires is missing. */
    MISSING_CONDITION(13),
    /** 14: a rule is broken (the catch-all for cross-field and structural rules). */
    RULE_VIOLATION(14),
    /** 15: something is present that a condition forbids. */
    CONDITION_NOT_ALLOWED(15),
    /** 26: the message was received before. */
    DUPLICATE_MESSAGE(26);

    private final int code;

    NctsErrorCategory(int code) {
        this.code = code;
    }

    /** The NCTS numeric error type, e.g. 12. */
    public int code() {
        return code;
    }

    /**
     * The category of a finding known only by its rule code, as schema and parser findings are:
     * <ul>
     * <li>{@code XSD:cvc-pattern-valid}, {@code XSD:cvc-enumeration-valid}: the value is outside the
     * allowed format or code list → 12;</li>
     * <li>{@code XSD:cvc-complex-type.2.4.a}, {@code .2.4.b}: Xerces expected an element that is not
     * there (the message names it) → 13;</li>
     * <li>{@code XSD:cvc-complex-type.2.4.d}: an element where none is allowed → 15;</li>
     * <li>a rule starting with {@code DUPLICATE:} → 26;</li>
     * <li>everything else (lengths, datatypes, {@code XML:}, {@code LIMIT:}, {@code ROUTING:}, unknown
     * business codes) → 14.</li>
     * </ul>
     */
    public static NctsErrorCategory forRule(String rule) {
        return switch (rule) {
            case "XSD:cvc-pattern-valid", "XSD:cvc-enumeration-valid" -> CODE_LIST_VIOLATION;
            case "XSD:cvc-complex-type.2.4.a", "XSD:cvc-complex-type.2.4.b" -> MISSING_CONDITION;
            case "XSD:cvc-complex-type.2.4.d" -> CONDITION_NOT_ALLOWED;
            default -> rule.startsWith("DUPLICATE:") ? DUPLICATE_MESSAGE : RULE_VIOLATION;
        };
    }
}
