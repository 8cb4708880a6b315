package org.c2cgateway.app.broker;

import java.util.Set;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.c2cgateway.app.config.BrokerConfiguration;
import org.c2cgateway.app.config.NationalDeliveryConfiguration;
import org.c2cgateway.delivery.RetryPolicy;
import org.c2cgateway.queue.Queues;

/**
 * The broker side of the channel that hands received notifications to the national system: what the
 * national queue does with a message rolled back, and the queue the national system consumes.
 *
 * @param mode          the channel
 * @param pushRetry     PUSH: the backoff between pushes and the attempt cap
 * @param deliveryQueue QUEUE: the queue the national system consumes
 */
public record NationalChannel(NationalDeliveryConfiguration.Mode mode, RetryPolicy pushRetry, String deliveryQueue) {

    public static final NationalChannel PULL = new NationalChannel(NationalDeliveryConfiguration.Mode.PULL, null, null);

    public static NationalChannel of(NationalDeliveryConfiguration national) {
        return new NationalChannel(national.mode(), national.push().retry(), national.queue().name());
    }

    void configure(Configuration c, BrokerConfiguration config) {
        SimpleString deadLetterAddress = SimpleString.of(config.deadLetterAddress());
        if (mode == NationalDeliveryConfiguration.Mode.PUSH) {
            c.addAddressSetting(Queues.IN_NATIONAL, EmbeddedBroker.retrySettings(pushRetry, deadLetterAddress));
            c.addQueueConfiguration(EmbeddedBroker.deadLetterQueue(config, Queues.IN_NATIONAL));
        } else {
            // Pulled: only browsed and acknowledged. Queued: only moved on. Neither rolls back for long.
            c.addAddressSetting(Queues.IN_NATIONAL, unlimited(deadLetterAddress));
        }
        if (mode == NationalDeliveryConfiguration.Mode.QUEUE) {
            c.addAddressSetting(deliveryQueue, unlimited(deadLetterAddress));
            c.addQueueConfiguration(EmbeddedBroker.durableQueue(deliveryQueue));
            // the national system's account consumes it over the national acceptor; the most specific match wins whole
            c.putSecurityRoles(deliveryQueue, Set.of(EmbeddedBroker.gatewayRole(), EmbeddedBroker.nationalRole(false, true)));
        }
    }

    private static AddressSettings unlimited(SimpleString deadLetterAddress) {
        return new AddressSettings().setMaxDeliveryAttempts(-1)
                .setDeadLetterAddress(deadLetterAddress)
                .setExpiryAddress(SimpleString.of(EmbeddedBroker.EXPIRY_ADDRESS));
    }
}
