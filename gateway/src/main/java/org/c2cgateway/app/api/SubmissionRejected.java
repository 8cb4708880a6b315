package org.c2cgateway.app.api;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.validation.ValidationFinding;

/** The answer to a refused submission: every problem found, each with the field and the rule. */
@Serdeable
public record SubmissionRejected(String error, List<Finding> errors) {

    public static SubmissionRejected of(List<ValidationFinding> findings) {
        return new SubmissionRejected("the notification was rejected; nothing was queued",
                findings.stream().map(f -> new Finding(f.path(), f.rule(), f.message(), f.severity().name())).toList());
    }

    /**
     * One problem: {@code path} locates the element (XPath-like, 1-based positions on repeatable elements),
     * {@code rule} is a stable code (XSD:…, XML:…, LIMIT:…, ROUTING:…, or a business rule code).
     */
    @Serdeable
    public record Finding(String path, String rule, String message, String severity) {
    }
}
