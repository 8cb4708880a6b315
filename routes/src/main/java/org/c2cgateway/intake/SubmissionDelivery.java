package org.c2cgateway.intake;

import java.util.Objects;

import org.c2cgateway.trace.MessageStatus;

/**
 * One receiver of a submitted notification, as the national system is told: the partner, the gateway
 * message id to trace it by (on both gateways), where it stands, whether it was accepted before, and the
 * agreement version it goes under.
 */
public record SubmissionDelivery(String partner, String messageId, String status, boolean duplicate, String agreement) {

    public SubmissionDelivery {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
    }

    SubmissionDelivery queued() {
        return new SubmissionDelivery(partner, messageId, MessageStatus.QUEUED.name(), duplicate, agreement);
    }
}
