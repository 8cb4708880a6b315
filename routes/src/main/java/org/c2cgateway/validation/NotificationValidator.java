package org.c2cgateway.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.xml.sax.SAXException;

/**
 * Validates a notification completely: first against the canonical schema
 * ({@link NotificationSchemaValidator}: size limit, safe parsing, structure, formats, lengths), then,
 * only when the schema accepts it, against the business rules the schema cannot express (check
 * digits, counts that must match, relations between fields; see {@link BusinessRules}). Every finding
 * is collected, never only the first, so a national system can correct a message in one round trip.
 * Warnings are reported but do not reject.
 *
 * <p>Business rules run only on schema-valid documents because they read fields the schema
 * guarantees; on a broken document they would add noise to the findings that matter.
 *
 * <p>Business findings carry the rule's own code ({@code R0028}, {@code C0569}, {@code C2C-…}) and
 * NCTS category, and the same paths as schema findings; they are sorted into document order.
 * Schema findings that only say "too many elements" are restated with the limit ({@link LimitFindings}).
 *
 * <p>Thread-safe and meant to be shared: the schema, the vocabulary and the rules are immutable, and
 * each call parses with its own parser.
 */
public final class NotificationValidator {

    private final NotificationSchemaValidator schemaValidator;
    private final NotificationParser parser;
    private final LimitFindings limits;
    private final List<BusinessRule> rules;

    /**
     * @param maxPayloadBytes largest payload that is parsed at all; larger ones get a single
     *                        {@code LIMIT:payload-size} finding
     * @throws IllegalStateException if the canonical schema cannot be loaded (a packaging error)
     */
    public NotificationValidator(long maxPayloadBytes) {
        this.schemaValidator = new NotificationSchemaValidator(maxPayloadBytes);
        SchemaVocabulary vocabulary = SchemaVocabulary.of(NotificationSchemaValidator.readSchemaResource());
        this.parser = new NotificationParser(vocabulary.repeatable());
        this.limits = new LimitFindings(vocabulary);
        this.rules = BusinessRules.standard(vocabulary);
    }

    /**
     * The partner-specific rules an agreement's validation profile applies ({@link PartnerSpecificRules}), on a
     * notification that {@link #validate} accepted.
     *
     * @param codes the rule codes in force for the partner; unknown codes are a programming error (lint refuses them)
     */
    public List<ValidationFinding> validatePartnerRules(byte[] validatedXml, java.util.Set<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        NotificationDocument notification;
        try {
            notification = parser.parse(validatedXml);
        } catch (SAXException | IOException e) {
            return List.of(new ValidationFinding("/", "XML:not-well-formed", String.valueOf(e.getMessage()), Severity.ERROR));
        }
        List<ValidationFinding> findings = new ArrayList<>();
        for (String code : codes) {
            findings.addAll(PartnerSpecificRules.rule(code).check(notification));
        }
        findings.sort(Comparator.comparingInt(finding -> notification.documentOrder(finding.path())));
        return findings;
    }

    public long maxPayloadBytes() {
        return schemaValidator.maxPayloadBytes();
    }

    /**
     * Validates one payload. Never throws for anything in the payload: every problem is a finding.
     *
     * @param xml the notification as received, in any encoding XML allows
     * @return schema findings, or, for a schema-valid document, the business findings, each group in
     *         document order
     */
    public ValidationReport validate(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        ValidationReport schemaReport = schemaValidator.validate(xml);
        if (!schemaReport.accepted()) {
            return new ValidationReport(limits.explain(schemaReport.findings()));
        }
        List<ValidationFinding> findings = new ArrayList<>(schemaReport.findings());
        NotificationDocument notification;
        try {
            notification = parser.parse(xml);
        } catch (SAXException | IOException e) {
            // The schema validator parsed the same bytes; only a parser disagreement gets here.
            findings.add(new ValidationFinding("/", "XML:not-well-formed", String.valueOf(e.getMessage()),
                    Severity.ERROR));
            return new ValidationReport(findings);
        }
        List<ValidationFinding> business = new ArrayList<>();
        for (BusinessRule rule : rules) {
            business.addAll(rule.check(notification));
        }
        business.sort(Comparator.comparingInt(finding -> notification.documentOrder(finding.path())));
        findings.addAll(business);
        return new ValidationReport(findings);
    }
}
