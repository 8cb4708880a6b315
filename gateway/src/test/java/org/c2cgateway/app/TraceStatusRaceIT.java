package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;

/**
 * Two steps of one message traced at the same moment on two threads (the inbound route's QUEUED and the national
 * delivery's DELIVERED, which can overtake it) must leave the further status, whichever commits last: the trace
 * store changes a message's status one step at a time. Without that, NationalDeliveryIT's QUEUE test waited in
 * vain, now and then, for a DELIVERED that a late QUEUED had overwritten.
 */
class TraceStatusRaceIT {

    private static final int ROUNDS = 200;

    @RegisterExtension
    static final ReceivingGateway mk = new ReceivingGateway(Map.of());

    @Test
    void concurrent_steps_of_one_message_never_move_its_status_back() throws Exception {
        TraceRecorder trace = mk.context().getBean(TraceRecorder.class);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String id = "race-" + round + "-" + System.nanoTime() + "@test";
                assertTrue(trace.open(new MessageRecord(id, null, "26RS0110T0000452M5", "26RS0110T0000452M5",
                        "PreArrivalNotification", Direction.INBOUND, "RS", 1, "00", "RS-MK-SEED", 2)));
                CountDownLatch start = new CountDownLatch(1);
                Future<?> queued = threads.submit(() -> step(start, trace, id, TraceEvent.QUEUED));
                Future<?> delivered = threads.submit(() -> step(start, trace, id, TraceEvent.DELIVERED));
                start.countDown();
                queued.get();
                delivered.get();
                assertEquals(MessageStatus.DELIVERED, trace.status(id), "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Void step(CountDownLatch start, TraceRecorder trace, String id, TraceEvent event) throws Exception {
        start.await();
        trace.event(id, event, Instant.now(), "race");
        return null;
    }
}
