package org.c2cgateway.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.demo.Await;

/**
 * One fault run: RS and MK as processes of their own, RS sending to MK (directly or through a
 * {@link FaultProxy}), RS's national system submitting, MK's reading; and at the end the check of what MK's
 * national system got against what RS accepted.
 */
final class RsToMk implements AutoCloseable {

    private static final AtomicInteger SERVER_IDS = new AtomicInteger(200);
    /** Retry timings short enough for a test run; the behaviour is the production one. */
    private static final Map<String, Object> QUICK_RETRIES = Map.of(
            "c2c.delivery.retry.initial-delay", "200ms",
            "c2c.delivery.retry.max-delay", "2s",
            "c2c.delivery.circuit-breaker.probe-interval", "1s");

    final String operatorToken = TokenDigest.newToken();
    final GatewayProcess rs;
    final GatewayProcess mk;
    final FaultProxy proxy;
    final LoadDriver load;
    final Operator rsOperator;
    private NationalReceiver national;
    private CompletableFuture<Void> submitting;
    private final long startedAt = System.nanoTime();
    private Thread progress;

    /**
     * @param rsSettings  more settings for RS on top of the suite's quick retries
     * @param mkSettings  more settings for MK
     * @param proxy       a proxy to put between RS and MK, made from MK's AS4 port; {@code null} for none
     * @param submissionsPerSecond the pace of RS's national system, 0 for as fast as RS answers
     */
    RsToMk(String scenario, Path data, Map<String, ?> rsSettings, Map<String, ?> mkSettings, ProxyFactory proxy,
           int submissionsPerSecond) throws Exception {
        mk = new GatewayProcess("MK", data, SERVER_IDS.incrementAndGet(), operatorToken, mkSettings);
        this.proxy = proxy == null ? null : proxy.between(mk.as4Port);
        Map<String, Object> rsAll = new HashMap<>(QUICK_RETRIES);
        Integer consumers = Integer.getInteger("faults.consumers"); // else the shipped default
        if (consumers != null) {
            rsAll.put("c2c.consumers-per-partner", consumers);
        }
        rsAll.putAll(rsSettings);
        rsAll.put("c2c.partners.MK.endpoint", this.proxy == null ? mk.as4Url() : this.proxy.url());
        rs = new GatewayProcess("RS", data, SERVER_IDS.incrementAndGet(), operatorToken, rsAll);
        mk.set("c2c.partners.RS.endpoint", rs.as4Url());
        load = new LoadDriver(rs.apiPort, 4, submissionsPerSecond);
        rsOperator = new Operator(rs.apiPort, operatorToken);
        startProgress(scenario);
    }

    /** Makes the proxy once MK's AS4 port is known. */
    interface ProxyFactory {
        FaultProxy between(int mkAs4Port) throws Exception;
    }

    /** Prints how far the run is every 10 s, to show in the build log where the time goes. */
    private void startProgress(String scenario) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    System.out.printf("%s: %.0f s, %d answered, %d at MK's national system%n", scenario,
                            (System.nanoTime() - startedAt) / 1e9, load.answered.get(), national == null ? 0 : national.seenCount());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        progress = thread;
    }

    /** MK's national system starts reading (and keeps trying while MK is down). */
    void startReading() {
        national = new NationalReceiver(mk.apiPort);
    }

    NationalReceiver national() {
        return national;
    }

    /** RS's national system starts submitting, in the background. */
    CompletableFuture<Void> startSubmitting(List<List<Movements.Notification>> movements) {
        submitting = CompletableFuture.runAsync(() -> {
            try {
                load.submitAll(movements);
            } catch (Exception e) {
                throw new IllegalStateException("submitting failed: " + e.getMessage(), e);
            }
        });
        return submitting;
    }

    /** Waits until RS's national system has had {@code count} submissions answered. */
    void awaitAnswered(int count, Duration timeout) throws Exception {
        Await.until(count + " submissions answered", timeout, () -> {
            failIfSubmittingFailed();
            return Optional.of(true).filter(x -> load.answered.get() >= count);
        });
    }

    /** Waits until MK's national system has seen {@code count} notifications. */
    void awaitSeen(int count, Duration timeout) throws Exception {
        Await.until(count + " notifications at MK's national system", timeout, () -> {
            failIfSubmittingFailed();
            national.checkHealthy();
            return Optional.of(true).filter(x -> national.seenCount() >= count);
        });
    }

    private void failIfSubmittingFailed() {
        if (submitting != null && submitting.isCompletedExceptionally()) {
            submitting.join();
        }
    }

    /**
     * Waits for the end of the run: every submission answered, every accepted notification (but those
     * {@code undeliverable}) seen by MK's national system, RS's queue for MK empty and MK's inbox read empty. At
     * the deadline it stops waiting and counts what is missing as lost. Then it counts, prints and returns the
     * figures.
     */
    Figures finish(String scenario, List<List<Movements.Notification>> movements, Set<String> undeliverable,
                   Duration timeout, String notes) throws Exception {
        submitting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Await.until("every accepted notification at MK's national system, RS's queue empty", timeout, () -> {
                national.checkHealthy();
                boolean allSeen = load.accepted.entrySet().stream().allMatch(e -> undeliverable.contains(e.getKey())
                        || national.hasSeen(e.getValue()));
                return Optional.of(true).filter(x -> allSeen && queueEmpty() && national.emptyReads.get() >= 2);
            });
        } catch (IllegalStateException timedOut) {
            System.out.println(scenario + ": " + timedOut.getMessage() + "; counting what is missing as lost");
        }
        Figures figures = Figures.count(scenario, movements, load, national, undeliverable,
                (System.nanoTime() - startedAt) / 1e9, notes);
        System.out.println(figures.line());
        return figures;
    }

    private boolean queueEmpty() {
        try {
            Long depth = rsOperator.partner("MK").queueDepth();
            return depth != null && depth == 0;
        } catch (IOException rsDown) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        progress.interrupt();
        if (national != null) {
            national.close();
        }
        rs.close();
        mk.close();
        if (proxy != null) {
            proxy.close();
        }
    }
}
