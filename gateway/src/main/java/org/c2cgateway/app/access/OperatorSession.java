package org.c2cgateway.app.access;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of the open console sessions; the token is kept only as its SHA-256 (hex). */
@MappedEntity("operator_session")
public record OperatorSession(
        @Id String tokenSha256,
        String operator,
        String role,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt) {
}
