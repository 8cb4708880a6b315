package org.c2cgateway.rules;

/**
 * Writes {@link RecognitionMarks} into a notification as its last child, the {@code Recognition} element of
 * the canonical schema, so the national system reads them in the one document it receives, whatever the
 * delivery channel.
 */
public final class RecognitionElement {

    private RecognitionElement() {
    }

    /** The notification with its {@code Recognition} element appended (replacing none: senders may not send one). */
    public static byte[] append(byte[] xml, RecognitionMarks marks) {
        throw new UnsupportedOperationException("helper B implements this");
    }
}
