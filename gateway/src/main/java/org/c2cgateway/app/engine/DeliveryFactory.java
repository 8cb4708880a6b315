package org.c2cgateway.app.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.CircuitBreakerConfiguration;
import org.c2cgateway.app.config.DeliveryRetryConfiguration;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.delivery.RetryPolicies;
import org.c2cgateway.delivery.RetryPolicy;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.outbound.PartnerCircuits;
import org.c2cgateway.transport.PartnerProbe;

/** The outbound delivery policy: each partner's retries and circuit breaker. */
@Factory
public class DeliveryFactory {

    @Singleton
    RetryPolicies retryPolicies(DeliveryRetryConfiguration retry, List<PartnerConfiguration> partners) {
        Map<String, RetryPolicy> byPartner = new LinkedHashMap<>();
        partners.forEach(p -> byPartner.put(p.countryCode(), retry.policyFor(p)));
        return new RetryPolicies(byPartner);
    }

    @Singleton
    @Bean(preDestroy = "close")
    PartnerCircuits partnerCircuits(CredentialsInForce credentials, CircuitBreakerConfiguration breaker,
                                    PartnerProbe probe) {
        return new PartnerCircuits(() -> credentials.current().partners(), breaker.failureThreshold(),
                breaker.probeInterval(), probe);
    }
}
