package org.c2cgateway.trace;

import java.time.Instant;

/**
 * What a receiving gateway must know to answer a partner's repeat of a message it already received:
 * where the message stands, when it was first accepted (the start of its duplicate window) and the
 * receipt this gateway answered it with, so that the repeat gets the very same bytes.
 *
 * @param sentReceipt the signed receipt this gateway returned for it; {@code null} when none was kept
 *                    (a crash came between queueing and keeping it)
 */
public record ReceivedMessage(String messageId, MessageStatus status, Instant acceptedAt, byte[] sentReceipt) {
}
