package org.c2cgateway.trace;

import org.c2cgateway.model.NotificationHeader;

/**
 * The identity of one traced message: what both gateways and the national systems will ask about.
 * The payload itself is not part of the trace, only its size and hash.
 */
public record MessageRecord(
        String messageId,
        String nationalMessageId,
        String mrn,
        String type,
        Direction direction,
        String partner,
        long payloadSize,
        String payloadSha256) {

    /** The record of a notification, identified by the gateway message id shared by both gateways. */
    public static MessageRecord of(String messageId, NotificationHeader header, Direction direction, String partner,
                                   byte[] payload) {
        return new MessageRecord(messageId, header.messageId(), header.mrn(), header.type().rootElement(), direction,
                partner, payload.length, PayloadDigest.sha256Hex(payload));
    }
}
