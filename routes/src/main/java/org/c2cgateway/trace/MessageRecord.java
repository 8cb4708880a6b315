package org.c2cgateway.trace;

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
}
