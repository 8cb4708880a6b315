package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.c2cgateway.app.demo.DeliveredNotification;

/**
 * What a national system must get under an agreement that shares everything: every data element the sending
 * national system submitted, unchanged, plus the receiving gateway's {@code Recognition}. Not the same bytes:
 * data minimisation rewrites the document (dropping comments, for one) before it is signed.
 */
public final class Delivered {

    private Delivered() {
    }

    public static void assertSameData(byte[] submitted, byte[] delivered) {
        try {
            assertEquals(DeliveredNotification.dataElements(submitted), DeliveredNotification.dataElements(delivered));
            assertTrue(DeliveredNotification.recognised(delivered), "the receiving gateway adds its Recognition");
        } catch (Exception e) {
            throw new AssertionError("not a notification: " + e.getMessage(), e);
        }
    }
}
