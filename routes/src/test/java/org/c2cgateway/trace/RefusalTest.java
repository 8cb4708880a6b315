package org.c2cgateway.trace;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a sender claims is cut to a bounded length and cannot carry control characters into a log or a console. */
class RefusalTest {

    @Test
    void claimed_values_are_bounded_and_stripped_of_control_characters() {
        Refusal r = new Refusal(Instant.now(), null, null, "RS\r\nFORGED LOG LINE", "x".repeat(10_000), null,
                "EBMS:0101", "y".repeat(10_000), 0);

        assertEquals("RS  FORGED LOG LINE", r.claimedFrom());
        assertEquals(Refusal.MAX_CLAIM, r.claimedMessageId().length());
        assertEquals('…', r.claimedMessageId().charAt(Refusal.MAX_CLAIM - 1));
        assertEquals(Refusal.MAX_REASON, r.reason().length());
        assertNull(r.remoteAddress());
    }

    @Test
    void a_character_is_never_cut_in_half() {
        String text = "a".repeat(8) + "\uD83D\uDE00" + "b".repeat(10); // the emoji straddles the cut

        assertEquals("a".repeat(8) + "…", Refusal.bounded(text, 10));
    }
}
