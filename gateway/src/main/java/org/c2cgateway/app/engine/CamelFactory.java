package org.c2cgateway.app.engine;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.c2cgateway.app.config.As4EndpointConfiguration;
import org.c2cgateway.app.config.BrokerConfiguration;
import org.c2cgateway.app.config.DeliveryStatusBatchConfiguration;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.InboundConfiguration;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.As4MessageOpener;
import org.c2cgateway.as4.ErrorSignalBuilder;
import org.c2cgateway.as4.ReceiptBuilder;
import org.c2cgateway.as4.ReceiptVerifier;
import org.c2cgateway.delivery.DeadLettering;
import org.c2cgateway.delivery.RetryPolicies;
import org.c2cgateway.inbound.DuplicateElimination;
import org.c2cgateway.inbound.InboundRefusals;
import org.c2cgateway.inbound.InboundRoutes;
import org.c2cgateway.inbound.PartnerMessageReception;
import org.c2cgateway.intake.IntakeRoutes;
import org.c2cgateway.intake.NotificationIntake;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.model.NotificationReader;
import org.c2cgateway.outbound.DeadLetters;
import org.c2cgateway.outbound.OutboundRoutes;
import org.c2cgateway.outbound.PartnerCircuits;
import org.c2cgateway.outbound.PartnerDispatch;
import org.c2cgateway.outbound.PartnerSend;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.queue.MessageLogContext;
import org.c2cgateway.rules.AgreementEngine;
import org.c2cgateway.rules.RulesInForce;
import org.c2cgateway.status.DeliveryStatusDispatch;
import org.c2cgateway.status.DeliveryStatusReception;
import org.c2cgateway.status.DeliveryStatusSender;
import org.c2cgateway.status.PartnerStatusStore;
import org.c2cgateway.trace.PayloadStore;
import org.c2cgateway.trace.RefusalRecorder;
import org.c2cgateway.trace.RefusalThrottle;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.transport.CxfHttpsEndpoint;
import org.c2cgateway.transport.PartnerTransport;
import org.c2cgateway.transport.TlsMaterial;
import org.c2cgateway.validation.NotificationValidator;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Runs the engine's Camel routes in a plain {@link DefaultCamelContext} owned by Micronaut: started
 * with the application (eagerly, so the partner queues are consumed from the first second) and
 * stopped with it.
 */
@Factory
public class CamelFactory {

    @Context
    @Bean(preDestroy = "stop")
    CamelContext camelContext(ConnectionFactory connections, GatewayConfiguration gateway, CredentialsInForce credentials,
                              PartnerAuthentication authentication, OwnIdentity self, NotificationValidator validator, NotificationReader reader,
                              As4MessageBuilder builder, As4MessageOpener opener, ReceiptBuilder receipts,
                              ReceiptVerifier receiptVerifier, ErrorSignalBuilder errors, PartnerTransport transport,
                              TraceRecorder trace, RefusalRecorder refusals, As4EndpointConfiguration as4,
                              InboundConfiguration inboundSettings, TlsMaterial tls, BrokerConfiguration broker,
                              RetryPolicies retries, PartnerCircuits circuits, NationalDeliveryRoutes nationalDelivery,
                              AgreementEngine agreements, RulesInForce rules, PartnerStatusStore partnerStatuses,
                              PayloadStore payloads, DeliveryStatusBatchConfiguration statusBatches)
            throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("c2c-gateway-" + gateway.country());
        camel.addComponent("jms", JmsComponent.jmsComponent(cachedConnections(connections, 16)));
        MessageLogContext.install(camel); // messageId and mrn on every log line about a message

        // the partners are fixed for the life of the gateway (a reload refuses to change them): a route each
        OutboundRoutes outbound = new OutboundRoutes(credentials.current().partners(),
                new PartnerDispatch(credentials, authentication, self, builder, receiptVerifier, transport, trace), trace,
                gateway.consumersPerPartner(), retries::forPartner, new DeadLettering(broker.deadLetterAddress()), circuits);
        circuits.controlling(new PartnerCircuits.Consumption() {
            @Override
            public void pause(String partner) throws Exception {
                camel.getRouteController().suspendRoute(OutboundRoutes.routeId(partner));
            }

            @Override
            public void resume(String partner) throws Exception {
                camel.getRouteController().resumeRoute(OutboundRoutes.routeId(partner));
            }
        });
        CxfHttpsEndpoint as4Endpoint = CxfHttpsEndpoint.open(camel, as4.host(), as4.port(), as4.path(), tls,
                CxfHttpsEndpoint.ClientCertificates.REQUIRED, endpoint -> { });
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                as4Endpoint.close(); // after the routes: in-flight partner requests are answered first
            }
        });
        InboundRoutes inbound = new InboundRoutes(as4Endpoint.endpoint(), inboundSettings.maxRequestBytes(),
                new PartnerMessageReception(opener, credentials, authentication, self, validator, reader, trace,
                        new DuplicateElimination(inboundSettings.duplicateWindow()), agreements, payloads,
                        new DeliveryStatusReception(partnerStatuses, rules)),
                receipts, errors, credentials, trace, new InboundRefusals(refusals, trace,
                        new RefusalThrottle(inboundSettings.refusalsPerSecond())));
        camel.addRoutes(outbound.errorPolicy());
        camel.addRoutes(inbound.errorPolicy());
        // consumed even when this gateway sends no statuses (any more): what was noted before still goes
        camel.addService(new DeliveryStatusSender(connections,
                credentials.current().partners().all().stream().map(Partner::country).toList(),
                new DeliveryStatusDispatch(credentials, self,
                        new PartnerSend(credentials, authentication, builder, receiptVerifier, transport), trace),
                statusBatches.maxStatuses(), statusBatches.linger()));
        camel.addRoutes(new IntakeRoutes(new NotificationIntake(validator, reader, credentials, self, agreements, trace,
                payloads), trace));
        camel.addRoutes(outbound);
        camel.addRoutes(inbound);
        for (RoutesBuilder routes : nationalDelivery.routes()) {
            camel.addRoutes(routes);
        }
        camel.start();
        return camel;
    }

    @Context
    @Bean(preDestroy = "stop")
    ProducerTemplate producerTemplate(CamelContext camel) {
        return camel.createProducerTemplate();
    }

    /** The partners' dead-letter queues, for the operator: on their own connections, apart from the routes'. */
    @Singleton
    DeadLetters deadLetters(ConnectionFactory connections, TraceRecorder trace, BrokerConfiguration broker) {
        return new DeadLetters(connections, trace, broker.deadLetterAddress());
    }

    /**
     * Reuses connections and sessions across sends: an uncached Artemis connection per message is far too
     * slow. Consumers are never cached: a cached consumer that nobody reads from keeps the messages the
     * broker prefetched into it (and, on a grouped queue, the whole movement) until it happens to be
     * closed; the listener containers keep their own consumers open instead.
     */
    public static CachingConnectionFactory cachedConnections(ConnectionFactory connections, int sessions) {
        CachingConnectionFactory cached = new CachingConnectionFactory(connections);
        cached.setSessionCacheSize(sessions);
        cached.setCacheConsumers(false);
        cached.setReconnectOnException(true);
        return cached;
    }
}
