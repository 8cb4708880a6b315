package org.c2cgateway.app.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.outbound.CircuitState;
import org.c2cgateway.outbound.PartnerCircuits;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trust.CertificateExpiry;

/**
 * The operator's view of the partners: whether each one is being sent to (its circuit breaker), how it
 * went lately, and how much waits for it. Queue depths come from the embedded broker; with an external
 * broker they are left out ({@code null}), its own console shows them.
 */
@Controller("/api/v1/admin/partners")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PartnerController {

    private final PartnerCircuits circuits;
    private final Optional<EmbeddedBroker> broker;
    private final CertificateExpiry certificates;

    public PartnerController(PartnerCircuits circuits, Optional<EmbeddedBroker> broker, CertificateExpiry certificates) {
        this.circuits = circuits;
        this.broker = broker;
        this.certificates = certificates;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public List<PartnerState> list() {
        return circuits.states().stream().map(this::stateOf).toList();
    }

    @Get(uri = "/{partner}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<PartnerState> one(@PathVariable("partner") String partner) {
        return circuits.state(partner).map(this::stateOf).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    private PartnerState stateOf(CircuitState c) {
        return new PartnerState(c.partner(), c.state().name(), c.consecutiveFailures(), c.since(), c.lastSuccess(),
                c.lastError(), c.lastErrorAt(),
                broker.map(b -> b.messageCount(Queues.outbound(c.partner()))).orElse(null),
                broker.map(b -> b.messageCount(Queues.deadLetter(c.partner()))).orElse(null),
                certificateDaysLeft(c.partner()));
    }

    /** The days left on the partner's certificate that expires first (the same figure as its gauges). */
    private Long certificateDaysLeft(String partner) {
        Instant now = Instant.now();
        return certificates.certificates().stream().filter(w -> w.owner().equals(partner))
                .mapToLong(w -> w.daysLeft(now)).boxed().min(Long::compare).orElse(null);
    }

    /**
     * One partner: its circuit ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}) since when, its failed sends
     * in a row, the last verified receipt and the last error, and the notifications waiting in its queue and
     * in its dead-letter queue, and the days left on its certificate that expires first (negative once expired).
     */
    @Serdeable
    public record PartnerState(String partner, String state, int consecutiveFailures, Instant since,
                               @Nullable Instant lastSuccess, @Nullable String lastError, @Nullable Instant lastErrorAt,
                               @Nullable Long queueDepth, @Nullable Long deadLetters,
                               @Nullable Long certificateDaysLeft) {
    }
}
