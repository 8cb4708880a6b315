package org.c2cgateway.app.trace;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of the trace index: one message, its identifiers, its status, the receipt as evidence, and the
 * agreement version that decided its exchange.
 */
@MappedEntity("trace_message")
public record TracedMessage(
        @Id String messageId,
        @Nullable String nationalMessageId,
        String mrn,
        @Nullable String conversationId,
        String type,
        String direction,
        String partner,
        long payloadSize,
        String payloadSha256,
        String status,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String receipt,
        @Nullable String agreementId,
        @Nullable Integer agreementVersion) {
}
