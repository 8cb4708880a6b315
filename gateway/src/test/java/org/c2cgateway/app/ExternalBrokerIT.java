package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.micronaut.context.ApplicationContext;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.queue.Queues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production switch: with {@code c2c.broker.mode=EXTERNAL} the gateway runs no broker of its own
 * and queues on the Artemis it is pointed at (here a separate broker on a loopback TCP port).
 */
class ExternalBrokerIT {

    @TempDir
    Path data;

    @Test
    void gateway_in_external_mode_queues_on_the_external_broker_and_starts_none_itself() throws Exception {
        int brokerPort = TwoGateways.freePort();
        EmbeddedActiveMQ external = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalDirectory(data.resolve("external/journal").toString())
                .setBindingsDirectory(data.resolve("external/bindings").toString())
                .setPagingDirectory(data.resolve("external/paging").toString())
                .setLargeMessagesDirectory(data.resolve("external/large").toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort + "?protocols=CORE"));
        external.start();
        int rsPort = TwoGateways.freePort();
        try (ApplicationContext rs = TwoGateways.start("rs", rsPort, TwoGateways.freePort(), data, Map.of(
                "c2c.broker.mode", "EXTERNAL",
                "c2c.broker.url", "tcp://127.0.0.1:" + brokerPort,
                "c2c.partners.MK.endpoint", TwoGateways.as4Url(TwoGateways.freePort())))) {
            assertFalse(rs.containsBean(EmbeddedBroker.class), "no embedded broker in external mode");

            NationalSystemClient.Response response = TwoGateways.nationalSystem("rs", rsPort)
                    .submit(Files.readAllBytes(ExchangeEndToEndIT.RS_TO_MK));

            assertEquals(202, response.status(), response.text());
            var queue = external.getActiveMQServer().locateQueue(SimpleString.of(Queues.outbound("MK")));
            assertEquals(1, queue.getMessagesAdded());
        } finally {
            external.stop();
        }
    }
}
