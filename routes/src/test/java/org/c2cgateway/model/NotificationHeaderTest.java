package org.c2cgateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NotificationHeaderTest {

    @Test
    void destinationCountryIsTheCountryOfTheOfficeOfEntry() {
        NotificationHeader header = new NotificationHeader(NotificationType.PRE_ARRIVAL, "m-1", "26RS0110T0000452M5",
                "RS022128", "MK001001");
        assertEquals("MK", header.destinationCountry());
    }

    @Test
    void headerWithoutFieldsIsRefused() {
        assertThrows(NullPointerException.class,
                () -> new NotificationHeader(NotificationType.EXIT, "m-1", null, "MK001001", "RS022128"));
        assertThrows(IllegalArgumentException.class,
                () -> new NotificationHeader(NotificationType.EXIT, "m-1", "27MK0010T0000321L6", "MK001001", "R"));
    }
}
