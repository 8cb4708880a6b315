package org.c2cgateway.app.intake;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.c2cgateway.app.access.NationalSubmitterCheck;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.NationalQueueConfiguration;
import org.c2cgateway.app.config.NationalSoapConfiguration;
import org.c2cgateway.app.engine.CamelFactory;
import org.c2cgateway.intake.QueueIntakeRoutes;
import org.c2cgateway.intake.SoapSubmissionEndpoint;
import org.c2cgateway.intake.SoapSubmissionRoutes;
import org.c2cgateway.transport.TlsMaterial;

/**
 * Adds the national system's SOAP and queue channels to the running engine. Both feed the shared
 * intake route, so they validate, deduplicate, queue and trace exactly like the REST API. Started
 * with the application; stopped with the Camel context (routes first, then the SOAP port).
 */
@Factory
public class IntakeChannelsFactory {

    /** The queue channel's own JMS component: its replies share the consumer's transaction, partner sends do not. */
    static final String NATIONAL_JMS = "national-jms";

    @Context
    @Requires(property = "c2c.national-soap.port")
    SoapChannel soapChannel(CamelContext camel, NationalSoapConfiguration soap, TlsMaterial tls,
                            NationalSubmitterCheck submitters) throws Exception {
        SoapSubmissionEndpoint endpoint = SoapSubmissionEndpoint.open(camel, soap.host(), soap.port(), soap.path(), tls);
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                endpoint.close(); // after the routes: in-flight submissions are answered first
            }
        });
        camel.addRoutes(new SoapSubmissionRoutes(endpoint.endpoint(), soap.maxRequestBytes(), submitters));
        return new SoapChannel(soap.host(), soap.port(), soap.path());
    }

    @Context
    @Requires(property = "c2c.national-queue.enabled", notEquals = "false")
    QueueChannel queueChannel(CamelContext camel, ConnectionFactory connections, NationalQueueConfiguration queue,
                              GatewayConfiguration gateway) throws Exception {
        camel.addComponent(NATIONAL_JMS, JmsComponent.jmsComponent(CamelFactory.cachedConnections(connections, 4)));
        camel.addRoutes(new QueueIntakeRoutes(NATIONAL_JMS, queue.queue(), queue.replyQueue(), queue.deadLetterQueue(),
                gateway.maxPayloadBytes()));
        return new QueueChannel(queue.queue(), queue.replyQueue(), queue.deadLetterQueue());
    }

    /** The SOAP channel as it runs: where the national system finds it. */
    public record SoapChannel(String host, int port, String path) {
    }

    /** The queue channel as it runs. */
    public record QueueChannel(String queue, String replyQueue, String deadLetterQueue) {
    }
}
