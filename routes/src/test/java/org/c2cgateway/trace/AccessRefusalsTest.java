package org.c2cgateway.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessRefusalsTest {

    private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");

    private static RefusedAccess at(Instant at, int status) {
        return new RefusedAccess(at, AccessChannel.REST, "10.0.0.1", "GET", "/api/v1/inbox", null, null, null, null,
                status, "no credentials", 0);
    }

    @Test
    void counts_every_refusal_and_keeps_them_at_the_bounded_rate_saying_how_many_were_left_out() {
        List<RefusedAccess> kept = new ArrayList<>();
        List<RefusedAccess> counted = new ArrayList<>();
        AccessRefusals refusals = new AccessRefusals(kept::add, new RefusalThrottle(1), counted::add);

        refusals.refused(at(T, 401));
        refusals.refused(at(T.plusMillis(10), 403));
        refusals.refused(at(T.plusMillis(20), 401));
        refusals.refused(at(T.plusSeconds(1), 403));

        assertEquals(4, counted.size());
        assertEquals(2, kept.size());
        assertEquals(0, kept.get(0).suppressedBefore());
        assertEquals(2, kept.get(1).suppressedBefore());
        assertEquals(403, kept.get(1).status());
    }

    @Test
    void a_store_that_fails_does_not_fail_the_refusal() {
        List<RefusedAccess> counted = new ArrayList<>();
        AccessRefusals refusals = new AccessRefusals(r -> {
            throw new IllegalStateException("database down");
        }, new RefusalThrottle(5), counted::add);

        refusals.refused(at(T, 401));

        assertEquals(1, counted.size());
    }

    @Test
    void texts_from_the_caller_are_bounded_and_stripped_of_control_characters() {
        String path = "/api/v1/inbox/\r\nFAKE LOG LINE " + "x".repeat(2000);
        RefusedAccess refusal = new RefusedAccess(T, AccessChannel.SOAP, null, "POST", path, null, null, null,
                "CN=evil\u0007", 401, "no credentials", 0);

        assertEquals(RefusedAccess.MAX_PATH, refusal.path().length());
        assertTrue(refusal.path().startsWith("/api/v1/inbox/  FAKE LOG LINE"), refusal.path());
        assertTrue(refusal.path().endsWith("…"), refusal.path());
        assertEquals("CN=evil ", refusal.certificateSubject());
        assertNull(refusal.remoteAddress());
    }

    @Test
    void only_401_and_403_are_access_refusals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> at(T, 500));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
    }
}
