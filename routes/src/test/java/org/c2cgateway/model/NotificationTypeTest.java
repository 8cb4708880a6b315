package org.c2cgateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class NotificationTypeTest {

    @Test
    void rootElementNamesTheType() {
        assertEquals(Optional.of(NotificationType.PRE_ARRIVAL), NotificationType.fromRootElement("PreArrivalNotification"));
        assertEquals(Optional.of(NotificationType.EXIT), NotificationType.fromRootElement("ExitNotification"));
        assertEquals("PreArrivalNotification", NotificationType.PRE_ARRIVAL.rootElement());
        assertEquals("ExitNotification", NotificationType.EXIT.rootElement());
    }

    @Test
    void unknownOrDifferentlyCasedRootIsNoType() {
        assertTrue(NotificationType.fromRootElement("ArrivalNotification").isEmpty());
        assertTrue(NotificationType.fromRootElement("exitnotification").isEmpty());
        assertTrue(NotificationType.fromRootElement(null).isEmpty());
    }
}
