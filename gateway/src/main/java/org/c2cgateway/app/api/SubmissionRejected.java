package org.c2cgateway.app.api;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.validation.ValidationFinding;

/** The answer to a refused submission: every problem found, each with the field and the rule. */
@Serdeable
public record SubmissionRejected(String error, List<Finding> errors) {

    public static SubmissionRejected of(List<ValidationFinding> findings) {
        return new SubmissionRejected("the notification was rejected; nothing was queued",
                findings.stream().map(f -> new Finding(f.path(), f.rule(), f.message(), f.severity().name(),
                        f.category().code())).toList());
    }

    /**
     * One problem: {@code path} locates the element (XPath-like, 1-based positions on repeatable elements),
     * {@code rule} is a stable code (XSD:…, XML:…, LIMIT:…, ROUTING:…, JSON:…, or a business rule code such
     * as R0028), {@code severity} ERROR or WARNING, and {@code ncts} the NCTS error category (12 code list,
     * 13 missing condition, 14 rule violation, 15 condition not allowed, 26 duplicate).
     */
    @Serdeable
    public record Finding(String path, String rule, String message, String severity, int ncts) {
    }
}
