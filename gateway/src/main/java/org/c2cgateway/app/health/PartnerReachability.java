package org.c2cgateway.app.health;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import org.c2cgateway.app.config.HealthConfiguration;
import org.c2cgateway.app.config.TlsConfiguration;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.transport.PartnerProbe;
import org.c2cgateway.transport.TlsHandshakeProbe;
import org.c2cgateway.transport.TlsMaterial;

/**
 * {@code /health} entry {@code partners}: whether each partner's AS4 endpoint accepts this gateway's TCP connection
 * and mutual-TLS handshake ({@link TlsHandshakeProbe}: no request, so the partner traces nothing), probed in the
 * background every {@code c2c.health.partner-check-interval}. {@code /health}
 * shows the last result and never waits on a slow partner. A partner that is down does not stop this gateway (its
 * messages wait in their queue), so the entry is DEGRADED, not DOWN: a load balancer keeps the node.
 */
@Singleton
public class PartnerReachability implements HealthIndicator {

    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "a partner's AS4 endpoint is unreachable", true, 400);

    private final CredentialsInForce credentials;
    private final PartnerProbe probe;
    private final Map<String, Reachability> last = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> checks;

    public PartnerReachability(CredentialsInForce credentials, TlsMaterial tls, TlsConfiguration tlsSettings,
                               HealthConfiguration health, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.credentials = credentials;
        this.probe = new TlsHandshakeProbe(tls, tlsSettings.connectTimeout());
        this.checks = scheduler.scheduleWithFixedDelay(Duration.ZERO, health.partnerCheckInterval(), this::checkAll);
    }

    void checkAll() {
        for (Partner partner : credentials.current().partners().all()) {
            Instant at = Instant.now();
            try {
                probe.probe(partner.endpoint());
                last.put(partner.country(), new Reachability(HealthStatus.UP, at, null));
            } catch (IOException | RuntimeException e) { // an unreachable partner is what this check is for
                last.put(partner.country(), new Reachability(HealthStatus.DOWN, at, e.toString()));
            }
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean allUp = true;
        for (Partner partner : credentials.current().partners().all()) {
            Reachability state = last.get(partner.country());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("endpoint", partner.endpoint().toString());
            entry.put("status", state == null ? HealthStatus.UNKNOWN.getName() : state.status().getName());
            if (state != null) {
                entry.put("checkedAt", state.checkedAt().toString());
                if (state.error() != null) {
                    entry.put("error", state.error());
                }
            }
            allUp &= state != null && state.status() == HealthStatus.UP;
            details.put(partner.country(), entry);
        }
        HealthStatus status = allUp ? HealthStatus.UP : last.isEmpty() ? HealthStatus.UNKNOWN : DEGRADED;
        return Publishers.just(HealthResult.builder("partners", status).details(details).build());
    }

    @PreDestroy
    void stop() {
        checks.cancel(true);
    }

    private record Reachability(HealthStatus status, Instant checkedAt, String error) {
    }
}
