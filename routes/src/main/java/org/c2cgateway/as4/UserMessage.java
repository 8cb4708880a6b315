package org.c2cgateway.as4;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An ebMS3 user message with one payload, as our gateway exchanges them.
 *
 * <p>{@code timestamp} goes on the wire with millisecond precision (as phase4 and Domibus write
 * it), so a received message carries the sender's timestamp truncated to milliseconds.
 * {@code agreementRef}, {@code originalSender} and {@code finalRecipient} are optional
 * ({@code null} when absent). {@code payload} is the uncompressed business document. {@code refToMessageId}
 * (ebMS MessageInfo/RefToMessageId, optional) names the message this one answers, as a partner's delivery
 * status answers a notification.
 *
 * <p>{@code equals}/{@code hashCode} compare the payload by content, so two messages with the same
 * fields are equal; {@code toString} prints the payload size only.
 */
public record UserMessage(String messageId, Instant timestamp, String fromParty, String toParty,
                          String service, String action, String conversationId, String agreementRef,
                          String originalSender, String finalRecipient, byte[] payload, String payloadMimeType,
                          String refToMessageId) {

    /** A message that refers to no other, as every notification. */
    public UserMessage(String messageId, Instant timestamp, String fromParty, String toParty, String service,
                       String action, String conversationId, String agreementRef, String originalSender,
                       String finalRecipient, byte[] payload, String payloadMimeType) {
        this(messageId, timestamp, fromParty, toParty, service, action, conversationId, agreementRef, originalSender,
                finalRecipient, payload, payloadMimeType, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserMessage m
                && Objects.equals(messageId, m.messageId) && Objects.equals(timestamp, m.timestamp)
                && Objects.equals(fromParty, m.fromParty) && Objects.equals(toParty, m.toParty)
                && Objects.equals(service, m.service) && Objects.equals(action, m.action)
                && Objects.equals(conversationId, m.conversationId) && Objects.equals(agreementRef, m.agreementRef)
                && Objects.equals(originalSender, m.originalSender)
                && Objects.equals(finalRecipient, m.finalRecipient)
                && Arrays.equals(payload, m.payload) && Objects.equals(payloadMimeType, m.payloadMimeType)
                && Objects.equals(refToMessageId, m.refToMessageId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, timestamp, fromParty, toParty, service, action, conversationId,
                agreementRef, originalSender, finalRecipient, Arrays.hashCode(payload), payloadMimeType, refToMessageId);
    }

    @Override
    public String toString() {
        return "UserMessage[messageId=" + messageId + ", timestamp=" + timestamp + ", from=" + fromParty
                + ", to=" + toParty + ", service=" + service + ", action=" + action + ", conversationId="
                + conversationId + ", agreementRef=" + agreementRef + ", originalSender=" + originalSender
                + ", finalRecipient=" + finalRecipient + ", payload=" + (payload == null ? "null"
                : payload.length + " bytes") + ", payloadMimeType=" + payloadMimeType
                + (refToMessageId == null ? "" : ", refToMessageId=" + refToMessageId) + "]";
    }
}
