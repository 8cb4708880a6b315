package org.c2cgateway.app.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

import org.c2cgateway.intake.SubmissionDelivery;

/**
 * The answer to an accepted submission: the ids to trace the notification by, on both gateways, one per
 * receiving partner ({@code deliveries}); {@code messageId}, {@code partner} and {@code status} are the first
 * receiver's (the next country's). {@code duplicate} is true when the national message id had been accepted
 * before for every receiver: the ids are then the original ones and each status where that message stands now.
 */
@Serdeable
public record SubmissionAccepted(String messageId, String nationalMessageId, String mrn, String partner, String status,
                                 boolean duplicate, List<Receiver> deliveries) {

    /** One receiving partner's message, and the agreement version it goes under. */
    @Serdeable
    public record Receiver(String partner, String messageId, String status, boolean duplicate, String agreement) {

        static Receiver of(SubmissionDelivery delivery) {
            return new Receiver(delivery.partner(), delivery.messageId(), delivery.status(), delivery.duplicate(),
                    delivery.agreement());
        }
    }
}
