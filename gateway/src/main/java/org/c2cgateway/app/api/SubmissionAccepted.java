package org.c2cgateway.app.api;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to an accepted submission: the id to trace the notification by, on both gateways. */
@Serdeable
public record SubmissionAccepted(String messageId, String nationalMessageId, String mrn, String partner, String status) {
}
