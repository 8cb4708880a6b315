package org.c2cgateway.app.trace;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.InboundConfiguration;
import org.c2cgateway.trace.AccessRefusals;
import org.c2cgateway.trace.RefusalThrottle;
import org.c2cgateway.trace.RefusedAccessRecorder;

/**
 * The one {@link AccessRefusals} of the node, shared by the REST APIs, the SOAP channel and the broker:
 * stored by {@link JdbcRefusalStore} at the rate of {@code c2c.inbound.refusals-per-second} (its own
 * throttle, apart from the AS4 refusals'), and every one counted in {@value #COUNTER} (Prometheus:
 * {@code c2c_access_refusals_total{channel,status}}) when metrics are on.
 */
@Factory
public class AccessRefusalsFactory {

    static final String COUNTER = "c2c.access.refusals";

    @Singleton
    AccessRefusals accessRefusals(JdbcRefusalStore store, InboundConfiguration inbound, Optional<MeterRegistry> metrics) {
        RefusedAccessRecorder counter = metrics.<RefusedAccessRecorder>map(registry -> refusal -> Counter.builder(COUNTER)
                .description("Refused calls to the gateway's own APIs (401 and 403), kept or not")
                .tag("channel", refusal.channel().name())
                .tag("status", String.valueOf(refusal.status()))
                .register(registry).increment()).orElse(refusal -> { });
        return new AccessRefusals(store, new RefusalThrottle(inbound.refusalsPerSecond()), counter);
    }
}
