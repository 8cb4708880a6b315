package org.c2cgateway.trace;

/**
 * Where the engine keeps a copy of each message's payload, apart from the trace index (which holds only its size and
 * hash) and for a retention of its own: an outbound notification as accepted for its partner, an inbound one as
 * delivered to the national system. Called on every message's way through, so an implementation must be cheap.
 */
public interface PayloadStore {

    /** Keeps nothing: a gateway configured without a payload store. */
    PayloadStore NONE = (messageId, direction, payload) -> { };

    /**
     * Keeps the payload of a message, durably, before the message goes on; keeping it again (a message queued again
     * after a crash) replaces the copy with the same bytes.
     */
    void keep(String messageId, Direction direction, byte[] payload);
}
