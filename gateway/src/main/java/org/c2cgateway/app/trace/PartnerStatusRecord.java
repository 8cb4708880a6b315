package org.c2cgateway.app.trace;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A partner's signed delivery status for one outbound message: what it said, and the AS4 message it said it in
 * (base64 of the MIME request as received), as the evidence.
 */
@MappedEntity("partner_status")
public record PartnerStatusRecord(
        @Id @GeneratedValue @Nullable Long id,
        String messageId,
        String status,
        Instant takenAt,
        String partnerNode,
        String channel,
        String statusMessageId,
        String signedBy,
        Instant receivedAt,
        String contentType,
        String signedMessage) {
}
