package org.c2cgateway.app.broker;

import java.util.Optional;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.c2cgateway.app.config.BrokerConfiguration;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.NationalAcceptorConfiguration;
import org.c2cgateway.app.config.NationalDeliveryConfiguration;
import org.c2cgateway.app.config.NationalQueueConfiguration;
import org.c2cgateway.delivery.RetryPolicies;

/** Wires the broker: the embedded one by default, or an external Artemis cluster by configuration. */
@Factory
public class BrokerFactory {

    @Singleton
    @Bean(preDestroy = "stop")
    @Requires(property = "c2c.broker.mode", notEquals = "EXTERNAL")
    EmbeddedBroker embeddedBroker(BrokerConfiguration broker, GatewayConfiguration gateway,
                                  NationalQueueConfiguration nationalQueue,
                                  Optional<NationalAcceptorConfiguration> nationalAcceptor,
                                  RetryPolicies retries, NationalDeliveryConfiguration nationalDelivery)
            throws Exception {
        return new EmbeddedBroker(broker, gateway.resolve(gateway.dataDir()).resolve("artemis"), retries.byPartner(),
                nationalQueue.enabled() ? nationalQueue : null, nationalAcceptor,
                NationalChannel.of(nationalDelivery)).start();
    }

    @Singleton
    @Requires(property = "c2c.broker.mode", notEquals = "EXTERNAL")
    ConnectionFactory embeddedConnectionFactory(EmbeddedBroker broker) {
        return broker.gatewayConnectionFactory();
    }

    @Singleton
    @Requires(property = "c2c.broker.mode", value = "EXTERNAL")
    ConnectionFactory externalConnectionFactory(BrokerConfiguration broker) {
        if (broker.url() == null || broker.url().isBlank()) {
            throw new IllegalStateException("c2c.broker.url is required when c2c.broker.mode is EXTERNAL");
        }
        return new ActiveMQConnectionFactory(broker.url(), broker.user(), broker.password());
    }
}
