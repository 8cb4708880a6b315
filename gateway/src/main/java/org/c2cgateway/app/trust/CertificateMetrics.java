package org.c2cgateway.app.trust;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;

import org.c2cgateway.app.keys.KeysReloaded;
import org.c2cgateway.trust.CertificateExpiry;

/**
 * One gauge per watched certificate, {@code c2c.certificate.days.left} (Prometheus:
 * {@code c2c_certificate_days_left}), tagged with owner ({@code own} or the partner's country), role,
 * subject and serial: an alert on {@code < 30} catches every certificate before it expires. A key reload
 * replaces the set, so a certificate taken out of use stops being reported.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class CertificateMetrics implements ApplicationEventListener<KeysReloaded> {

    static final String DAYS_LEFT = "c2c.certificate.days.left";

    private final CertificateExpiry expiry;
    private final MultiGauge gauges;

    public CertificateMetrics(MeterRegistry registry, CertificateExpiry expiry) {
        this.expiry = expiry;
        this.gauges = MultiGauge.builder(DAYS_LEFT)
                // no base unit: Prometheus would append it, c2c_certificate_days_left_days
                .description("Whole days until the certificate expires; negative once it has")
                .register(registry);
        refresh();
    }

    @Override
    public void onApplicationEvent(KeysReloaded event) {
        refresh();
    }

    private void refresh() {
        gauges.register(expiry.certificates().stream().map(c -> MultiGauge.Row.of(Tags.of(
                "owner", c.owner(),
                "role", c.role(),
                "subject", c.certificate().getSubjectX500Principal().getName(),
                "serial", c.certificate().getSerialNumber().toString(16)), c, watched -> watched.daysLeft(Instant.now())))
                .toList(), true);
    }
}
