package org.c2cgateway.app.trust;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import org.c2cgateway.trust.CertificateExpiry;
import org.c2cgateway.trust.WatchedCertificate;

/**
 * {@code /health} entry {@code certificates}: the days left on every own and partner certificate.
 * <ul>
 * <li>DOWN when one of this gateway's own certificates is expired or not yet valid: partners refuse
 * what it signs and its TLS connections, so the node cannot do its work;</li>
 * <li>{@code WARNING} (HTTP 200, ranked between UP and DOWN) when any certificate expires within 30
 * days, or a partner certificate or CA has expired: the gateway still serves, an operator must act;</li>
 * <li>UP otherwise. A partner certificate not yet valid (a next key pinned ahead) is listed, not warned about.</li>
 * </ul>
 */
@Singleton
public class CertificateHealthIndicator implements HealthIndicator {

    /** Neither operational nor not: ranks above UP and below DOWN when the statuses are aggregated. */
    static final HealthStatus WARNING = new HealthStatus("WARNING", "act before a certificate expires", null, 500);

    private final CertificateExpiry expiry;

    public CertificateHealthIndicator(CertificateExpiry expiry) {
        this.expiry = expiry;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Instant now = Instant.now();
        HealthStatus status = switch (expiry.urgency(now)) {
            case NONE -> HealthStatus.UP;
            case ACT_SOON -> WARNING;
            case UNUSABLE -> HealthStatus.DOWN;
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("warnDaysAhead", expiry.warnBefore().toDays());
        details.put("certificates", expiry.certificates().stream().map(c -> describe(c, now)).toList());
        return Publishers.just(HealthResult.builder("certificates", status).details(details).build());
    }

    private Map<String, Object> describe(WatchedCertificate c, Instant now) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("owner", c.owner());
        entry.put("role", c.role());
        entry.put("subject", c.certificate().getSubjectX500Principal().getName());
        entry.put("serial", c.certificate().getSerialNumber().toString(16));
        entry.put("notAfter", c.notAfter().toString());
        entry.put("daysLeft", c.daysLeft(now));
        entry.put("state", expiry.state(c, now).name());
        return entry;
    }
}
