package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import org.c2cgateway.app.intake.IntakeChannelsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway that fails late in its start (here: its SOAP port is taken, after the broker, the trace store and
 * the Camel routes are up) gives back everything it had taken: its ports and its broker journal. Otherwise a
 * refused start leaves a half gateway behind, still consuming queues, in any process that goes on.
 */
class FailedStartIT {

    @TempDir
    Path data;

    @Test
    void a_refused_start_releases_its_ports_and_its_journal() throws Exception {
        int port = TwoGateways.freePort();
        int as4Port = TwoGateways.freePort();
        int acceptorPort = TwoGateways.freePort();
        int soapPort = TwoGateways.freePort();
        Map<String, Object> settings = Map.of(
                "c2c.partners.RS.endpoint", TwoGateways.as4Url(TwoGateways.freePort()),
                "c2c.national-soap.port", soapPort,
                "c2c.broker.national-acceptor.port", acceptorPort);

        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", soapPort));
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> TwoGateways.start("mk", port, as4Port, data, settings).close());
            assertTrue(String.valueOf(refused.getMessage()).contains(String.valueOf(soapPort))
                    || refused.getCause() != null, "refused for the SOAP port: " + refused);
        }

        assertBindable(as4Port, "AS4");
        assertBindable(acceptorPort, "national acceptor");
        try (ApplicationContext again = TwoGateways.start("mk", port, as4Port, data, settings)) {
            assertTrue(again.getBean(IntakeChannelsFactory.SoapChannel.class).port() == soapPort,
                    "the same gateway starts on the same journal and ports once they are free");
        }
    }

    private static void assertBindable(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new AssertionError("the " + what + " port " + port + " is still held after the refused start", e);
        }
    }
}
