package org.c2cgateway.app.api;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a refused submission: every problem found, each with the field and the rule. */
@Serdeable
public record SubmissionRejected(String error, List<Finding> errors) {

    @Serdeable
    public record Finding(String path, String rule, String message, String severity) {
    }
}
