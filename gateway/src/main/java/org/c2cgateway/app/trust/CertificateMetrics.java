package org.c2cgateway.app.trust;

import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

import org.c2cgateway.trust.CertificateExpiry;

/**
 * One gauge per watched certificate, {@code c2c.certificate.days.left} (Prometheus:
 * {@code c2c_certificate_days_left}), tagged with owner ({@code own} or the partner's country), role,
 * subject and serial: an alert on {@code < 30} catches every certificate before it expires.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class CertificateMetrics {

    static final String DAYS_LEFT = "c2c.certificate.days.left";

    public CertificateMetrics(MeterRegistry registry, CertificateExpiry expiry) {
        expiry.certificates().forEach(c -> Gauge.builder(DAYS_LEFT, c, watched -> watched.daysLeft(Instant.now()))
                .description("Whole days until the certificate expires; negative once it has")
                .baseUnit("days")
                .tag("owner", c.owner())
                .tag("role", c.role())
                .tag("subject", c.certificate().getSubjectX500Principal().getName())
                .tag("serial", c.certificate().getSerialNumber().toString(16))
                .strongReference(true)
                .register(registry));
    }
}
