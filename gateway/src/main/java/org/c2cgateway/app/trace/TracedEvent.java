package org.c2cgateway.app.trace;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One step of a message's timeline, with the node it happened on and the agreement version that applied. */
@MappedEntity("trace_event")
public record TracedEvent(
        @Id @GeneratedValue @Nullable Long id,
        String messageId,
        String event,
        Instant occurredAt,
        String node,
        @Nullable String detail,
        @Nullable String agreementId,
        @Nullable Integer agreementVersion) {
}
