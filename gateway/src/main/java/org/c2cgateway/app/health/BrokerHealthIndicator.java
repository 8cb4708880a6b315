package org.c2cgateway.app.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.reactivestreams.Publisher;

import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.config.BrokerConfiguration;

/**
 * {@code /health} entry {@code broker}: the embedded broker is active, or a connection to the external one opens.
 * Without its broker a gateway accepts nothing (acceptance means "on disk in the broker"), so DOWN.
 */
@Singleton
public class BrokerHealthIndicator implements HealthIndicator {

    private final BrokerConfiguration config;
    private final Optional<EmbeddedBroker> embedded;
    private final ConnectionFactory connections;

    public BrokerHealthIndicator(BrokerConfiguration config, Optional<EmbeddedBroker> embedded,
                                 ConnectionFactory connections) {
        this.config = config;
        this.embedded = embedded;
        this.connections = connections;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", config.mode().name());
        HealthStatus status;
        if (embedded.isPresent()) {
            status = embedded.get().active() ? HealthStatus.UP : HealthStatus.DOWN;
        } else {
            details.put("url", config.url());
            status = connects(details) ? HealthStatus.UP : HealthStatus.DOWN;
        }
        return Publishers.just(HealthResult.builder("broker", status).details(details).build());
    }

    private boolean connects(Map<String, Object> details) {
        try (Connection connection = connections.createConnection()) {
            return connection != null;
        } catch (JMSException e) {
            details.put("error", e.getMessage());
            return false;
        }
    }
}
