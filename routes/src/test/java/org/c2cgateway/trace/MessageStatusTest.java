package org.c2cgateway.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MessageStatusTest {

    /** What the trace retention may remove once old: delivered or refused; never one that may still move. */
    @Test
    void only_delivered_or_refused_messages_are_final() {
        Set<MessageStatus> finals = Arrays.stream(MessageStatus.values()).filter(MessageStatus::isFinal)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MessageStatus.class)));
        assertEquals(EnumSet.of(MessageStatus.DELIVERED_TO_PARTNER, MessageStatus.DELIVERED, MessageStatus.ACKNOWLEDGED,
                MessageStatus.REJECTED), finals);
    }

}
