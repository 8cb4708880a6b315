package org.c2cgateway.outbound;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.transport.PartnerProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker per partner. When a partner fails {@code threshold} sends in a row, its queue stops
 * being consumed: the backlog waits untouched instead of burning delivery attempts and time-to-live against
 * a partner that is down, and every other partner's queue goes on as before. While open, the partner is
 * probed every {@code probeInterval}; when a probe reaches it, its queue is consumed again at full speed,
 * and the first send decides between closing the circuit and opening it again.
 * <p>
 * The probe is a mutual-TLS HTTPS request, not an AS4 message: it costs the partner nothing, needs no
 * test service on its side, and leaves the real proof (a signed receipt that checks out) to the next
 * real send, in the half-open state.
 * <p>
 * Pausing and resuming run on a thread of their own: a route must not be suspended from the thread
 * that is delivering its message.
 */
public final class PartnerCircuits implements AutoCloseable {

    /** Stops and restarts the consumption of one partner's queue. */
    public interface Consumption {
        void pause(String partner) throws Exception; // NOSONAR: Camel's route controller throws Exception

        void resume(String partner) throws Exception; // NOSONAR
    }

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCircuits.class);

    private final Map<String, PartnerCircuit> circuits = new LinkedHashMap<>();
    private final Supplier<PartnerDirectory> partners;
    private final Duration probeInterval;
    private final PartnerProbe probe;
    private final ScheduledExecutorService switcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "partner-circuits");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Consumption consumption;

    /**
     * @param threshold     failed sends in a row that open a partner's circuit
     * @param probeInterval how often an open circuit's partner is probed
     */
    public PartnerCircuits(PartnerDirectory directory, int threshold, Duration probeInterval, PartnerProbe probe) {
        this(() -> directory, threshold, probeInterval, probe);
    }

    /**
     * @param directory the partners as they are now: one breaker each for the partners at start, probed at the
     *                  endpoint in force when the probe goes out (a key reload may change it)
     */
    public PartnerCircuits(Supplier<PartnerDirectory> directory, int threshold, Duration probeInterval,
                           PartnerProbe probe) {
        if (threshold < 1) {
            throw new IllegalArgumentException("circuit-breaker.failure-threshold must be at least 1, got " + threshold);
        }
        directory.get().all().forEach(p -> circuits.put(p.country(), new PartnerCircuit(p.country(), threshold)));
        this.partners = directory;
        this.probeInterval = probeInterval;
        this.probe = probe;
    }

    /** Connects the breakers to the routes they pause; until then a breaker only counts. */
    public void controlling(Consumption routes) {
        this.consumption = routes;
    }

    /** A send to the partner failed (any failure: transport, HTTP, receipt). */
    public void failed(String partner, String error) {
        PartnerCircuit circuit = circuits.get(partner);
        if (circuit != null && circuit.failed(error, Instant.now()) == PartnerCircuit.Transition.OPENED) {
            LOG.warn("circuit of partner {} OPEN after {} failed send(s) in a row, pausing its queue; probing every {}: {}",
                    partner, circuit.snapshot().consecutiveFailures(), probeInterval, error);
            switcher.execute(() -> pause(partner));
            switcher.schedule(() -> probe(partner), probeInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The partner's signed receipt for a send checked out. */
    public void succeeded(String partner) {
        PartnerCircuit circuit = circuits.get(partner);
        if (circuit != null && circuit.succeeded(Instant.now()) == PartnerCircuit.Transition.CLOSED) {
            LOG.info("circuit of partner {} CLOSED: a send succeeded", partner);
            switcher.execute(() -> resume(partner)); // in case the success came from a send in flight while open
        }
    }

    public List<CircuitState> states() {
        return circuits.values().stream().map(PartnerCircuit::snapshot).toList();
    }

    public Optional<CircuitState> state(String partner) {
        return Optional.ofNullable(circuits.get(partner)).map(PartnerCircuit::snapshot);
    }

    private void probe(String partner) {
        PartnerCircuit circuit = circuits.get(partner);
        if (!circuit.isOpen()) {
            return;
        }
        try {
            probe.probe(endpoint(partner));
        } catch (IOException | RuntimeException e) {
            circuit.probeFailed(e.toString(), Instant.now());
            LOG.info("partner {} still unreachable, next probe in {}: {}", partner, probeInterval, e.toString());
            switcher.schedule(() -> probe(partner), probeInterval.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (circuit.probeSucceeded(Instant.now())) {
            LOG.info("circuit of partner {} HALF_OPEN: probe reached {}, resuming its queue", partner,
                    endpoint(partner));
            resume(partner);
        }
    }

    private URI endpoint(String partner) {
        return partners.get().byCountry(partner).map(Partner::endpoint).orElseThrow(() ->
                new IllegalStateException("partner " + partner + " is no longer configured"));
    }

    private void pause(String partner) {
        if (!circuits.get(partner).isOpen()) {
            return; // closed again before the switcher got here
        }
        try {
            if (consumption != null) {
                consumption.pause(partner);
            }
        } catch (Exception e) { // NOSONAR: a failed pause leaves the queue consumed, which loses nothing
            LOG.error("could not pause the queue of partner {}: {}", partner, e.toString(), e);
        }
    }

    private void resume(String partner) {
        try {
            if (consumption != null) {
                consumption.resume(partner);
            }
        } catch (Exception e) { // NOSONAR: retried with the next probe or success
            LOG.error("could not resume the queue of partner {}: {}", partner, e.toString(), e);
        }
    }

    @Override
    public void close() {
        switcher.shutdownNow();
    }
}
