package org.c2cgateway.app.engine;

import java.util.List;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

import org.c2cgateway.app.config.BrokerConfiguration;
import org.c2cgateway.app.config.DeliveryStatusConfiguration;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.NationalDeliveryConfiguration;
import org.c2cgateway.delivery.DeadLettering;
import org.c2cgateway.national.NationalInbox;
import org.c2cgateway.national.NationalPushRoutes;
import org.c2cgateway.national.NationalQueueRoutes;
import org.c2cgateway.status.DeliveryStatusOutbox;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.transport.NationalWebhook;
import org.c2cgateway.transport.TlsMaterial;

/** Wires the channels that hand received notifications to the national system. */
@Factory
public class NationalDeliveryFactory {

    /** Notes, with each hand-over to the national system, the delivery status that goes back to the sender. */
    @Singleton
    DeliveryStatusOutbox deliveryStatusOutbox(DeliveryStatusConfiguration statuses, GatewayConfiguration gateway) {
        return new DeliveryStatusOutbox(statuses.enabled(), gateway.effectiveNodeName());
    }

    @Singleton
    NationalInbox nationalInbox(ConnectionFactory connections, TraceRecorder trace, DeliveryStatusOutbox statuses) {
        return new NationalInbox(connections, trace, statuses);
    }

    /** PULL needs no route (the inbox API reads the national queue); PUSH and QUEUE consume it. */
    @Singleton
    NationalDeliveryRoutes nationalDeliveryRoutes(NationalDeliveryConfiguration national, TlsMaterial tls,
                                                  BrokerConfiguration broker,
                                                  TraceRecorder trace, DeliveryStatusOutbox statuses) {
        return switch (national.mode()) {
            case PULL -> new NationalDeliveryRoutes(List.of());
            case PUSH -> {
                NationalPushRoutes push = new NationalPushRoutes(new NationalWebhook(national.pushUrl(), tls,
                        national.push().connectTimeout(), national.push().requestTimeout()), national.push().retry(),
                        new DeadLettering(broker.deadLetterAddress()), trace, statuses);
                yield new NationalDeliveryRoutes(List.of(push.errorPolicy(), push));
            }
            case QUEUE -> new NationalDeliveryRoutes(List.of(new NationalQueueRoutes(national.queue().name(), trace,
                    statuses)));
        };
    }
}
