package org.c2cgateway.app.trace;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;

import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceEvent;

/**
 * One step of a message, as the trace store saw it under the message's row lock: published by the store so that
 * metrics are taken once, where every step passes, from the times the store keeps (so they are right whichever
 * node traced the earlier steps).
 *
 * @param before       the status before the step
 * @param reached      the status the step moved the message to (possibly the same one again); {@code null}
 *                     when the step does not move the status
 * @param createdAt    when the message was first traced on this gateway
 * @param lastStepAt   when its status last moved, before this step
 * @param at           when this step happened
 */
public record MessageStepped(String messageId, String type, Direction direction, String partner, TraceEvent event,
                             MessageStatus before, @Nullable MessageStatus reached, Instant createdAt,
                             Instant lastStepAt, Instant at) {

    static MessageStepped of(TracedMessage message, TraceEvent event, MessageStatus reached, Instant at) {
        return new MessageStepped(message.messageId(), message.type(), Direction.valueOf(message.direction()),
                message.partner(), event, MessageStatus.valueOf(message.status()), reached, message.createdAt(),
                message.updatedAt(), at);
    }

    /**
     * Whether this is the step's first effect on the message: a new status, or an event that moves none (a
     * duplicate), or the first event after the message was opened. A redelivered step that repeats a status,
     * and a late one that no longer moves it, are not.
     */
    public boolean firstEffect() {
        if (event == TraceEvent.RECEIVED || event == TraceEvent.RECEIVED_FROM_PARTNER) {
            return true; // a message is opened once, and its first event says so
        }
        return reached == null ? event.statusAfter(direction) == null : reached != before;
    }
}
