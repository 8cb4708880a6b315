package org.c2cgateway.validation;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the schema's report of "one element too many" into a finding with a stable code that names
 * the limit. Xerces reports a 2000th GoodsItem under a parser-internal key ({@code cvc-complex-type.2.4.f},
 * or {@code 2.4.d} "no child element is expected at this point"), which neither names REFERENCE.md's
 * rule nor is stable across parser versions. When such a finding sits on occurrence maxOccurs + 1 of a
 * repeatable element, it is replaced by {@code G0005} (goods items, REFERENCE.md rule 10) or
 * {@code LIMIT:max-occurs} (any other element), naming the limit.
 */
final class LimitFindings {

    static final String GOODS_ITEM_LIMIT = "G0005";
    static final String MAX_OCCURS = "LIMIT:max-occurs";

    /** Xerces keys for "element not allowed here": 2.4.f when it knows the maxOccurs was hit, 2.4.d otherwise. */
    private static final Set<String> TOO_MANY = Set.of("XSD:cvc-complex-type.2.4.d", "XSD:cvc-complex-type.2.4.f");
    private static final Pattern LAST_STEP = Pattern.compile("/([A-Za-z][\\w.-]*)\\[(\\d+)]$");

    private final SchemaVocabulary vocabulary;

    LimitFindings(SchemaVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<ValidationFinding> explain(List<ValidationFinding> schemaFindings) {
        return schemaFindings.stream().map(this::explain).toList();
    }

    private ValidationFinding explain(ValidationFinding finding) {
        Matcher step = LAST_STEP.matcher(finding.path());
        if (!TOO_MANY.contains(finding.rule()) || !step.find()) {
            return finding;
        }
        String element = step.group(1);
        int limit = vocabulary.maxOccurs(element);
        if (!vocabulary.repeatable().contains(element) || !step.group(2).equals(String.valueOf(limit + 1))) {
            return finding;
        }
        String rule = "GoodsItem".equals(element) ? GOODS_ITEM_LIMIT : MAX_OCCURS;
        return new ValidationFinding(finding.path(), rule, finding.path() + ": at most " + limit + " " + element
                + " elements are allowed here; this is number " + (limit + 1), Severity.ERROR,
                NctsErrorCategory.RULE_VIOLATION);
    }
}
