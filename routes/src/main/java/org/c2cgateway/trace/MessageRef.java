package org.c2cgateway.trace;

/**
 * What a gateway must know to answer a resubmission of a message it already accepted: which gateway
 * message id it got, where it stands, where it goes, and what it contained.
 */
public record MessageRef(String messageId, String nationalMessageId, String partner, MessageStatus status,
                         String payloadSha256) {
}
