package org.c2cgateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.c2cgateway.inbound.DuplicateElimination.Verdict;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.ReceivedMessage;
import org.junit.jupiter.api.Test;

class DuplicateEliminationTest {

    static final Instant ACCEPTED_AT = Instant.parse("2026-01-01T10:00:00Z");
    static final byte[] RECEIPT = "<receipt/>".getBytes(StandardCharsets.UTF_8);

    final DuplicateElimination duplicates = new DuplicateElimination(Duration.ofDays(30));

    @Test
    void unknown_message_id_is_new() {
        assertEquals(Verdict.NEW, duplicates.judge(Optional.empty(), ACCEPTED_AT));
    }

    @Test
    void message_accepted_but_never_queued_is_queued_now() {
        assertEquals(Verdict.NOT_YET_QUEUED, duplicates.judge(known(MessageStatus.ACCEPTED, RECEIPT), ACCEPTED_AT.plusSeconds(5)));
    }

    @Test
    void queued_message_repeated_within_the_window_is_not_queued_again() {
        for (MessageStatus status : new MessageStatus[] {MessageStatus.AWAITING_NATIONAL_SYSTEM, MessageStatus.DELIVERED,
                MessageStatus.ACKNOWLEDGED}) {
            assertEquals(Verdict.ALREADY_QUEUED, duplicates.judge(known(status, RECEIPT), ACCEPTED_AT.plus(Duration.ofDays(30))));
        }
    }

    @Test
    void queued_message_without_a_kept_receipt_is_still_not_queued_again() {
        assertEquals(Verdict.ALREADY_QUEUED, duplicates.judge(known(MessageStatus.AWAITING_NATIONAL_SYSTEM, null),
                ACCEPTED_AT.plusSeconds(1)));
    }

    @Test
    void queued_message_repeated_after_the_window_is_refused() {
        assertEquals(Verdict.OUTSIDE_WINDOW, duplicates.judge(known(MessageStatus.ACKNOWLEDGED, RECEIPT),
                ACCEPTED_AT.plus(Duration.ofDays(30)).plusMillis(1)));
    }

    @Test
    void message_refused_before_is_refused_again() {
        assertEquals(Verdict.REFUSED_BEFORE, duplicates.judge(known(MessageStatus.REJECTED, null), ACCEPTED_AT.plusSeconds(1)));
    }

    @Test
    void window_must_be_positive() {
        assertThrows(IllegalArgumentException.class, () -> new DuplicateElimination(Duration.ZERO));
    }

    private static Optional<ReceivedMessage> known(MessageStatus status, byte[] receipt) {
        return Optional.of(new ReceivedMessage("m@rs", status, ACCEPTED_AT, receipt));
    }
}
