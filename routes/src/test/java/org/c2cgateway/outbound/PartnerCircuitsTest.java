package org.c2cgateway.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.TestPartners;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartnerCircuitsTest {

    private final BlockingQueue<String> switches = new LinkedBlockingQueue<>();
    private final AtomicBoolean reachable = new AtomicBoolean(false);
    private final PartnerCircuits circuits = new PartnerCircuits(new PartnerDirectory(List.of(partner("MK"), partner("BG"))),
            3, Duration.ofMillis(20), endpoint -> {
                if (!reachable.get()) {
                    throw new IOException("Connection refused");
                }
            });

    PartnerCircuitsTest() {
        circuits.controlling(new PartnerCircuits.Consumption() {
            @Override
            public void pause(String partner) {
                switches.add("pause " + partner);
            }

            @Override
            public void resume(String partner) {
                switches.add("resume " + partner);
            }
        });
    }

    @AfterEach
    void close() {
        circuits.close();
    }

    @Test
    void opens_after_the_threshold_probes_until_reachable_and_closes_on_the_next_success() throws Exception {
        circuits.failed("MK", "attempt 1: ConnectException");
        circuits.succeeded("MK");
        circuits.failed("MK", "attempt 1: ConnectException");
        circuits.failed("MK", "attempt 2: ConnectException");
        assertEquals(CircuitState.State.CLOSED, state("MK"), "a success in between starts the count again");

        circuits.failed("MK", "attempt 3: ConnectException");
        assertEquals(CircuitState.State.OPEN, state("MK"));
        assertEquals("pause MK", next());
        awaitProbeFailure();
        assertEquals(CircuitState.State.CLOSED, state("BG"), "other partners go on");

        reachable.set(true);
        assertEquals("resume MK", next());
        assertEquals(CircuitState.State.HALF_OPEN, state("MK"));
        circuits.succeeded("MK");
        assertEquals(CircuitState.State.CLOSED, state("MK"));
        assertEquals(0, circuits.state("MK").orElseThrow().consecutiveFailures());
    }

    @Test
    void a_failure_while_half_open_opens_again_at_once() throws Exception {
        for (int i = 1; i <= 3; i++) {
            circuits.failed("MK", "attempt " + i + ": HTTP 503");
        }
        assertEquals("pause MK", next());
        reachable.set(true);
        assertEquals("resume MK", next());

        circuits.failed("MK", "attempt 4: INVALID_RECEIPT");
        assertEquals(CircuitState.State.OPEN, state("MK"));
        assertEquals("pause MK", next());
        assertEquals("resume MK", next(), "probed again");
    }

    private void awaitProbeFailure() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String error = circuits.state("MK").orElseThrow().lastError();
            if (error.startsWith("probe: ")) {
                assertTrue(error.contains("Connection refused"), error);
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no failed probe within 10 s");
    }

    private String next() throws InterruptedException {
        String next = switches.poll(10, TimeUnit.SECONDS);
        assertTrue(next != null, "no pause or resume within 10 s");
        return next;
    }

    private CircuitState.State state(String partner) {
        return circuits.state(partner).orElseThrow().state();
    }

    private static Partner partner(String country) {
        return TestPartners.pinned(country, "gw-" + country.toLowerCase(), TestKeys.gatewayB().certificate());
    }
}
