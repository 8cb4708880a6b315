package org.c2cgateway.national;

import java.time.Instant;

/** One received notification as the national system reads it from its inbox. */
public record InboxEntry(
        String messageId,
        String nationalMessageId,
        String mrn,
        String type,
        String fromCountry,
        Instant acceptedAt,
        byte[] payload) {
}
