package org.c2cgateway.trace;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryAttemptTest {

    @Test
    void reads_back_the_attempt_a_detail_names_wherever_it_stands() {
        assertEquals(OptionalInt.of(3), DeliveryAttempt.in(DeliveryAttempt.note(3) + ": java.net.ConnectException"));
        assertEquals(OptionalInt.of(12), DeliveryAttempt.in("to https://mk:8443/as4, " + DeliveryAttempt.note(12)
                + ", HTTP 200; encrypted for CN=MK"));
    }

    @Test
    void a_detail_naming_no_attempt_has_none() {
        assertEquals(OptionalInt.empty(), DeliveryAttempt.in("signature, TLS identity, decryption and schema"));
        assertEquals(OptionalInt.empty(), DeliveryAttempt.in("reattempts 4"));
        assertEquals(OptionalInt.empty(), DeliveryAttempt.in(null));
    }
}
