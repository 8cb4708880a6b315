package org.c2cgateway.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.transport.TlsContexts;

/**
 * Two real gateways for integration tests: RS sends, MK receives. Each has its own persistent Artemis
 * journal and H2 trace store in a temporary directory, and its own HTTPS port on loopback.
 */
final class TwoGateways implements AutoCloseable {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final AtomicInteger SERVER_IDS = new AtomicInteger(100);

    final ApplicationContext rs;
    final ApplicationContext mk;
    final int rsPort;
    final int mkPort;

    TwoGateways(Path dataDir) throws IOException {
        rsPort = freePort();
        mkPort = freePort();
        mk = start("mk", mkPort, dataDir, Map.of("c2c.partners.RS.endpoint", "https://localhost:" + rsPort + "/as4"));
        rs = start("rs", rsPort, dataDir, Map.of("c2c.partners.MK.endpoint", "https://localhost:" + mkPort + "/as4"));
    }

    static ApplicationContext start(String cc, int port, Path dataDir, Map<String, Object> extra) {
        Map<String, Object> overrides = new HashMap<>(extra);
        overrides.put("c2c.home", HOME.toString());
        overrides.put("c2c.data-dir", dataDir.resolve(cc).toString());
        overrides.put("c2c.broker.server-id", SERVER_IDS.incrementAndGet());
        overrides.put("micronaut.server.ssl.port", port);
        return GatewayLauncher.start(HOME.resolve("config/" + cc + "/gateway.yml"), overrides);
    }

    /** The national system of a country, over HTTPS trusting the development root CA. */
    static NationalSystemClient nationalSystem(String cc, int port) {
        return new NationalSystemClient(URI.create("https://localhost:" + port), tls(cc));
    }

    static SSLContext tls(String cc) {
        return TlsContexts.mutualTls(HOME.resolve("certs-dev/pki/" + cc + "/tls.p12"), "changeit".toCharArray(),
                HOME.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray());
    }

    static long messagesAdded(ApplicationContext gateway, String queue) {
        return gateway.getBean(EmbeddedBroker.class).messagesAdded(queue);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        rs.close();
        mk.close();
    }
}
