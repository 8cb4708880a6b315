package org.c2cgateway.app.trace;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of the refused inbound attempts, with the node that refused it; see {@link org.c2cgateway.trace.Refusal}. */
@MappedEntity("inbound_refusal")
public record InboundRefusal(
        @Id @GeneratedValue @Nullable Long id,
        Instant refusedAt,
        String node,
        @Nullable String remoteAddress,
        @Nullable String tlsClientSubject,
        @Nullable String claimedFrom,
        @Nullable String claimedMessageId,
        @Nullable String authenticatedPartner,
        String ebmsCode,
        String reason,
        int suppressedBefore) {
}
