package org.c2cgateway.app.trace;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import org.c2cgateway.trace.AccessChannel;

/**
 * A row of the refused calls to the gateway's own APIs, with the node that refused it; see
 * {@link org.c2cgateway.trace.RefusedAccess}.
 */
@MappedEntity("access_refusal")
public record TracedAccessRefusal(
        @Id @GeneratedValue @Nullable Long id,
        Instant refusedAt,
        String node,
        AccessChannel channel,
        @Nullable String remoteAddress,
        String method,
        @Nullable String path,
        @Nullable String caller,
        @Nullable String callerRole,
        @Nullable String callerCountry,
        @Nullable String certificateSubject,
        int status,
        String reason,
        int suppressedBefore) {
}
