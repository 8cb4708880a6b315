package org.c2cgateway.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.c2cgateway.app.api.DeadLetterController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.demo.Await;
import org.junit.jupiter.api.Test;

/**
 * The delivery guarantees under real faults, with the gateways as processes of their own: RS sends N
 * notifications to MK (four per movement), and each test checks against what MK's national system received
 * that none was lost, none delivered twice and every movement's order kept, and prints those three figures.
 * CI mode (the default) sends N = 1,000 per test; {@code -Dfaults.mode=full} sends more and kills more
 * often. Each run's data and gateway logs stay under {@code target/fault-runs/<test>}.
 */
class FaultInjectionIT {

    private static final boolean FULL = "full".equals(System.getProperty("faults.mode"));
    private static final int PER_MOVEMENT = 4;
    private static final int N = Integer.getInteger("faults.n", FULL ? 10_000 : 1_000);
    private static final int KILLS = FULL ? 8 : 3;
    /** RS's national system submits at this pace, so that faults strike while notifications flow. */
    private static final int RATE = Integer.getInteger("faults.rate", 40);
    /** The 10,000 in full mode; in CI fewer, to stay within the CI time budget on a small machine. */
    private static final int BACKLOG = Integer.getInteger("faults.backlog", FULL ? 10_000 : 1_500);
    private static final Duration TIMEOUT = Duration.ofMinutes(FULL ? 30 : 6);
    private static final Path RUNS = Path.of("target/fault-runs");

    @Test
    void partner_outage_mk_stops_mid_stream_and_comes_back() throws Exception {
        List<List<Movements.Notification>> movements = Movements.of("outage", N / PER_MOVEMENT, PER_MOVEMENT);
        try (RsToMk run = new RsToMk("partner-outage", fresh("partner-outage"), Map.of(), Map.of(), null, RATE)) {
            run.mk.start();
            run.rs.start();
            run.startReading();
            run.startSubmitting(movements);
            run.awaitSeen(N / 5, TIMEOUT);
            run.mk.close();
            int atStop = run.load.answered.get();
            run.awaitAnswered(Math.min(N, atStop + N / 4), TIMEOUT); // RS keeps accepting while its partner is down
            String circuit = run.rsOperator.partner("MK").state();
            run.mk.start();
            assertZero(run.finish("partner-outage", movements, Set.of(), TIMEOUT,
                    "MK down while " + (run.load.answered.get() - atStop) + " were accepted; RS's circuit to MK " + circuit));
        }
    }

    @Test
    void sender_crash_rs_killed_at_random_points_and_restarted() throws Exception {
        List<List<Movements.Notification>> movements = Movements.of("rscrash", N / PER_MOVEMENT, PER_MOVEMENT);
        try (RsToMk run = new RsToMk("sender-crash", fresh("sender-crash"), Map.of(), Map.of(), null, RATE)) {
            run.mk.start();
            run.rs.start();
            run.startReading();
            run.startSubmitting(movements);
            for (int kill = 1; kill <= KILLS; kill++) {
                run.awaitAnswered(kill * N / (KILLS + 1), TIMEOUT);
                randomPause();
                run.rs.kill();
                run.rs.start();
            }
            assertZero(run.finish("sender-crash", movements, Set.of(), TIMEOUT, "RS SIGKILLed " + KILLS + " times"));
        }
    }

    @Test
    void receiver_crash_mk_killed_at_random_points_and_restarted() throws Exception {
        List<List<Movements.Notification>> movements = Movements.of("mkcrash", N / PER_MOVEMENT, PER_MOVEMENT);
        try (RsToMk run = new RsToMk("receiver-crash", fresh("receiver-crash"), Map.of(), Map.of(), null, RATE)) {
            run.mk.start();
            run.rs.start();
            run.startReading();
            run.startSubmitting(movements);
            for (int kill = 1; kill <= KILLS; kill++) {
                run.awaitSeen(kill * N / (KILLS + 2), TIMEOUT);
                randomPause();
                run.mk.kill();
                run.mk.start();
            }
            assertZero(run.finish("receiver-crash", movements, Set.of(), TIMEOUT, "MK SIGKILLed " + KILLS + " times"));
        }
    }

    @Test
    void network_faults_resets_and_answers_delayed_past_the_timeout() throws Exception {
        List<List<Movements.Notification>> movements = Movements.of("network", N / PER_MOVEMENT, PER_MOVEMENT);
        // RS gives up on an answer after 2 s; the proxy holds some back for 3 s
        try (RsToMk run = new RsToMk("network-faults", fresh("network-faults"), Map.of("c2c.tls.request-timeout", "2s"), Map.of(),
                mkAs4Port -> new FaultProxy(mkAs4Port, 0.02, 0.03, 0.01, 3_000), RATE)) {
            run.mk.start();
            run.rs.start();
            run.startReading();
            run.proxy.faults(true);
            run.startSubmitting(movements);
            run.awaitSeen(N * 9 / 10, TIMEOUT);
            run.proxy.faults(false); // the rest drains on a sound network, so the run ends
            assertZero(run.finish("network-faults", movements, Set.of(), TIMEOUT, String.format(
                    "connections reset %d, answers dropped %d, answers delayed past the timeout %d",
                    run.proxy.connectionsReset.get(), run.proxy.answersDropped.get(), run.proxy.answersDelayed.get())));
            assertTrue(run.proxy.answersDropped.get() > 0 && run.proxy.answersDelayed.get() > 0
                    && run.proxy.connectionsReset.get() > 0, "every kind of fault happened");
        }
    }

    @Test
    void poison_message_is_dead_lettered_after_its_retries_while_the_others_flow() throws Exception {
        List<List<Movements.Notification>> movements = Movements.of("poison", N / PER_MOVEMENT, PER_MOVEMENT);
        // MK refuses any payload over 64 KiB (its own inbound limit); RS accepts up to 10 MiB. The poison is the
        // first notification of a movement in the middle of the run; that movement's later ones must wait for it.
        List<Movements.Notification> poisoned = new ArrayList<>(movements.get(movements.size() / 2));
        Movements.Notification poison = Movements.larger(poisoned.get(0).nationalMessageId(), poisoned.get(0).mrn(), 100_000);
        poisoned.set(0, poison);
        movements.set(movements.size() / 2, poisoned);
        try (RsToMk run = new RsToMk("poison-message", fresh("poison-message"),
                Map.of("c2c.partners.MK.retry.max-attempts", 3),
                Map.of("c2c.inbound.max-decompressed-bytes", 65_536), null, RATE)) {
            run.mk.start();
            run.rs.start();
            run.startReading();
            run.startSubmitting(movements);
            Figures figures = run.finish("poison-message", movements, Set.of(poison.nationalMessageId()), TIMEOUT,
                    "1 poison notification of " + poison.xml().length + " bytes");
            String poisonId = run.load.accepted.get(poison.nationalMessageId());
            MessageController.Timeline failed = Await.until("the poison traced FAILED on RS", TIMEOUT, () ->
                    Optional.of(run.rsOperator.trace(poisonId)).filter(t -> t.status().equals("FAILED")));
            assertTrue(failed.events().stream().anyMatch(step -> step.event().equals("DEAD_LETTERED")), failed.toString());
            List<DeadLetterController.Entry> deadLetters = run.rsOperator.deadLetters("MK");
            assertEquals(List.of(poisonId), deadLetters.stream().map(DeadLetterController.Entry::messageId).toList());
            String lastError = deadLetters.get(0).lastError();
            System.out.println("poison " + poisonId + " dead-lettered: " + lastError);
            assertTrue(lastError != null && lastError.contains("all 3 attempts failed"), lastError);
            assertTrue(!run.national().hasSeen(poisonId), "the poison never reached MK's national system");
            assertZero(figures);
        }
    }

    @Test
    void backlog_queued_while_mk_is_down_drains_when_it_returns() throws Exception {
        List<List<Movements.Notification>> movements = Movements.of("backlog", BACKLOG / PER_MOVEMENT, PER_MOVEMENT);
        try (RsToMk run = new RsToMk("backlog", fresh("backlog"), Map.of(), Map.of(), null, 0)) {
            run.rs.start();
            long submitStart = System.nanoTime();
            run.startSubmitting(movements).get();
            double submitSeconds = (System.nanoTime() - submitStart) / 1e9;
            Await.until("all " + BACKLOG + " queued on RS", TIMEOUT, () ->
                    Optional.of(true).filter(x -> queueDepth(run) == BACKLOG));
            run.mk.start();
            long drainStart = System.nanoTime();
            run.startReading();
            Await.until("RS's queue for MK drained", TIMEOUT, () -> Optional.of(true).filter(x -> queueDepth(run) == 0));
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            String notes = String.format("%d queued in %.1f s (%.0f/s accepted); drained to MK in %.1f s: %.0f messages/s",
                    BACKLOG, submitSeconds, BACKLOG / submitSeconds, drainSeconds, BACKLOG / drainSeconds);
            assertZero(run.finish("backlog", movements, Set.of(), TIMEOUT, notes));
        }
    }

    private static long queueDepth(RsToMk run) {
        try {
            Long depth = run.rsOperator.partner("MK").queueDepth();
            return depth == null ? -1 : depth;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void assertZero(Figures figures) {
        assertEquals(0, figures.lost(), figures.line());
        assertEquals(0, figures.duplicated(), figures.line());
        assertEquals(0, figures.orderViolations(), figures.line());
    }

    /** Where in its work the next kill finds a gateway is left to chance. */
    private static void randomPause() throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(500));
    }

    private static Path fresh(String test) throws IOException {
        Path dir = RUNS.resolve(test).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
