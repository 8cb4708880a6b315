package org.c2cgateway.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.c2cgateway.validation.Severity;
import org.c2cgateway.validation.ValidationFinding;

/**
 * What the queue channel reads from a national system's JMS message: the notification bytes, and
 * where the answer goes.
 *
 * <p>Where the line between an answer and a dead letter lies: anything that looks like XML (after an
 * optional byte order mark and white space, its first character is {@code <}, or it starts with a
 * UTF-16/32 byte order mark or a UTF-16BE {@code <}) is a submission, and whatever is wrong with it, even that it is not
 * well-formed or has a DOCTYPE, is answered with findings on the reply queue. A message with no
 * content, of another JMS type (map, object, stream), or whose content is not XML at all, is no
 * submission: it goes to the dead-letter queue with the reason.
 */
final class QueueSubmission {

    private QueueSubmission() {
    }

    /**
     * Where the answer goes: the reply queue, or a temporary queue of the sender's own. A {@code JMSReplyTo}
     * naming any other destination is not followed: the gateway writes with rights the national system does not
     * have, and must not be made to put answers into a partner's queue or the inbox (the answer goes to the
     * reply queue instead).
     *
     * @return the destination as {@code queue:name}, and whether the requested one was refused
     */
    static Reply replyDestination(Destination replyTo, String replyQueue) throws JMSException {
        if (replyTo == null) {
            return new Reply("queue:" + replyQueue, null);
        }
        if (replyTo instanceof TemporaryQueue temporary) {
            return new Reply("queue:" + temporary.getQueueName(), null);
        }
        if (replyTo instanceof Queue queue && queue.getQueueName().equals(replyQueue)) {
            return new Reply("queue:" + replyQueue, null);
        }
        return new Reply("queue:" + replyQueue, replyTo.toString());
    }

    /** Where an answer goes; {@code refused} names a JMSReplyTo that was not followed. */
    record Reply(String destination, String refused) {
    }

    /**
     * The message's content; a {@link NotificationRejectedException} when it is too large to read,
     * an {@link UnparseableSubmissionException} when it is no submission at all.
     */
    static byte[] payload(jakarta.jms.Message message, long maxPayloadBytes) throws JMSException {
        byte[] payload;
        if (message instanceof BytesMessage bytes) {
            if (bytes.getBodyLength() > maxPayloadBytes) {
                throw new NotificationRejectedException(List.of(new ValidationFinding("/", "LIMIT:payload-size",
                        "payload of " + bytes.getBodyLength() + " bytes exceeds the limit of " + maxPayloadBytes
                                + " bytes", Severity.ERROR)));
            }
            payload = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(payload);
        } else if (message instanceof TextMessage text) {
            payload = text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        } else {
            throw new UnparseableSubmissionException("a " + message.getClass().getSimpleName()
                    + " is no submission: send the notification as a BytesMessage or a TextMessage");
        }
        String notXml = whyNotXml(payload);
        if (notXml != null) {
            throw new UnparseableSubmissionException(notXml);
        }
        return payload;
    }

    /** Why this content cannot be XML, or {@code null} when it may be (the validator then judges it). */
    static String whyNotXml(byte[] payload) {
        if (payload.length == 0) {
            return "the message is empty";
        }
        if (startsWith(payload, 0xFE, 0xFF) || startsWith(payload, 0xFF, 0xFE) || startsWith(payload, 0x00, 0x00, 0xFE, 0xFF)
                || startsWith(payload, 0x00, 0x3C)) {
            return null; // UTF-16 or UTF-32: let the parser decode it
        }
        int i = startsWith(payload, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < payload.length && (payload[i] == ' ' || payload[i] == '\t' || payload[i] == '\r' || payload[i] == '\n')) {
            i++;
        }
        if (i == payload.length) {
            return "the message holds only white space";
        }
        return payload[i] == '<' ? null
                : String.format("the content is not XML: it starts with byte 0x%02X at offset %d", payload[i] & 0xFF, i);
    }

    private static boolean startsWith(byte[] payload, int... prefix) {
        if (payload.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((payload[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
