package org.c2cgateway.app.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class MessageSteppedTest {

    private static MessageStepped step(Direction direction, TraceEvent event, MessageStatus before, MessageStatus reached) {
        Instant now = Instant.now();
        return new MessageStepped("m", "PreArrivalNotification", direction, "MK", event, before, reached, now, now, now);
    }

    @Test
    void a_new_status_is_a_first_effect() {
        assertTrue(step(Direction.OUTBOUND, TraceEvent.RECEIPT_VERIFIED, MessageStatus.SENDING,
                MessageStatus.DELIVERED_TO_PARTNER).firstEffect());
    }

    @Test
    void a_redelivered_step_repeating_its_status_is_not() {
        assertFalse(step(Direction.OUTBOUND, TraceEvent.RECEIPT_VERIFIED, MessageStatus.DELIVERED_TO_PARTNER,
                MessageStatus.DELIVERED_TO_PARTNER).firstEffect());
    }

    @Test
    void a_late_step_that_no_longer_moves_the_status_is_not() {
        assertFalse(step(Direction.INBOUND, TraceEvent.DELIVERED, MessageStatus.ACKNOWLEDGED, null).firstEffect());
    }

    @Test
    void the_first_event_of_an_opened_message_and_a_duplicate_are() {
        assertTrue(step(Direction.OUTBOUND, TraceEvent.RECEIVED, MessageStatus.ACCEPTED, MessageStatus.ACCEPTED).firstEffect());
        assertTrue(step(Direction.INBOUND, TraceEvent.DUPLICATE_RECEIVED, MessageStatus.DELIVERED, null).firstEffect());
    }
}
