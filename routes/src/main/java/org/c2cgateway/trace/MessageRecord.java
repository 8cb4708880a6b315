package org.c2cgateway.trace;

import org.c2cgateway.model.NotificationHeader;

/**
 * The identity of one traced message: what both gateways and the national systems will ask about, and the
 * agreement version that decided its exchange. The payload itself is not part of the trace, only its size
 * and hash.
 *
 * @param conversationId   the AS4 eb:ConversationId the message travels (or travelled) under between the gateways
 * @param agreementId      the agreement that applied; {@code null} when none did (a message refused before)
 * @param agreementVersion its version; {@code null} with it
 */
public record MessageRecord(
        String messageId,
        String nationalMessageId,
        String mrn,
        String conversationId,
        String type,
        Direction direction,
        String partner,
        long payloadSize,
        String payloadSha256,
        String agreementId,
        Integer agreementVersion) {

    /**
     * The record of a notification, identified by the gateway message id shared by both gateways, and exchanged in
     * the AS4 conversation {@code conversationId}.
     */
    public static MessageRecord of(String messageId, NotificationHeader header, String conversationId,
                                   Direction direction, String partner, byte[] payload) {
        return new MessageRecord(messageId, header.messageId(), header.mrn(), conversationId,
                header.type().rootElement(), direction, partner, payload.length, PayloadDigest.sha256Hex(payload),
                null, null);
    }

    /** This record, naming the agreement version that applied to the exchange. */
    public MessageRecord underAgreement(String id, int version) {
        return new MessageRecord(messageId, nationalMessageId, mrn, conversationId, type, direction, partner, payloadSize,
                payloadSha256, id, version);
    }
}
