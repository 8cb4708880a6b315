package org.c2cgateway.app.trust;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import org.c2cgateway.trust.RevocationLists;

/**
 * {@code /health} entry {@code revocation}: each configured CRL, its CA, its next update and the last
 * refresh failure. WARNING (HTTP 200) while a CRL is missing or stale, since partner certificates of
 * that CA are then refused (FAIL_CLOSED) or accepted unchecked (FAIL_OPEN); UP otherwise, also when no
 * CRL is configured (the start-up log says so).
 */
@Singleton
public class RevocationHealthIndicator implements HealthIndicator {

    private final RevocationLists lists;

    public RevocationHealthIndicator(RevocationLists lists) {
        this.lists = lists;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Instant now = Instant.now();
        List<RevocationLists.SourceState> states = lists.states();
        boolean unwell = states.stream().anyMatch(s -> s.crl() == null
                || s.nextUpdate().map(now::isAfter).orElse(false));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checked", lists.checksRevocation());
        details.put("crls", states.stream().map(RevocationHealthIndicator::describe).toList());
        return Publishers.just(HealthResult.builder("revocation", unwell ? CertificateHealthIndicator.WARNING
                : HealthStatus.UP).details(details).build());
    }

    private static Map<String, Object> describe(RevocationLists.SourceState s) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("location", s.location());
        entry.put("ca", s.ca() == null ? null : s.ca().getSubjectX500Principal().getName());
        entry.put("thisUpdate", s.crl() == null ? null : s.crl().getThisUpdate().toInstant().toString());
        entry.put("nextUpdate", s.nextUpdate().map(Instant::toString).orElse(null));
        entry.put("lastAttempt", s.lastAttempt() == null ? null : s.lastAttempt().toString());
        entry.put("lastFailure", s.lastFailure());
        return entry;
    }
}
