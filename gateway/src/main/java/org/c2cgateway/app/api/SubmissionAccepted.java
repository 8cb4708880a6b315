package org.c2cgateway.app.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to an accepted submission: the id to trace the notification by, on both gateways.
 * {@code duplicate} is true when the national message id had been accepted before: the id is then the
 * original one and {@code status} where that message stands now.
 */
@Serdeable
public record SubmissionAccepted(String messageId, String nationalMessageId, String mrn, String partner, String status,
                                 boolean duplicate) {
}
