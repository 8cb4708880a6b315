package org.c2cgateway.app.intake;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.GatewayLauncher;
import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.transport.TlsMaterial;

/**
 * Two real gateways (RS sends, MK receives) with every port free-chosen on loopback, including RS's
 * national SOAP service and its national broker acceptor, and small size limits so oversize input is
 * cheap to produce.
 */
final class IntakeGateways implements AutoCloseable {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final long MAX_PAYLOAD_BYTES = 200_000;
    static final long MAX_SOAP_REQUEST_BYTES = 400_000;
    private static final AtomicInteger SERVER_IDS = new AtomicInteger(300);

    final ApplicationContext rs;
    final ApplicationContext mk;
    final int rsApiPort;
    final int mkApiPort;
    final int rsSoapPort;
    final int rsAcceptorPort;

    IntakeGateways(Path dataDir) throws IOException {
        rsApiPort = freePort();
        mkApiPort = freePort();
        rsSoapPort = freePort();
        rsAcceptorPort = freePort();
        int rsAs4 = freePort();
        int mkAs4 = freePort();
        mk = start("mk", mkApiPort, mkAs4, dataDir, Map.of("c2c.partners.RS.endpoint", as4Url(rsAs4)));
        Map<String, Object> rsChannels = new HashMap<>();
        rsChannels.put("c2c.partners.MK.endpoint", as4Url(mkAs4));
        rsChannels.put("c2c.national-soap.host", "127.0.0.1");
        rsChannels.put("c2c.national-soap.port", rsSoapPort);
        rsChannels.put("c2c.national-soap.max-request-bytes", MAX_SOAP_REQUEST_BYTES);
        rsChannels.put("c2c.broker.national-acceptor.port", rsAcceptorPort);
        rsChannels.put("c2c.max-payload-bytes", MAX_PAYLOAD_BYTES);
        rs = start("rs", rsApiPort, rsAs4, dataDir, rsChannels);
    }

    private static ApplicationContext start(String cc, int port, int as4Port, Path dataDir, Map<String, Object> extra) {
        Map<String, Object> overrides = new HashMap<>(extra);
        overrides.put("c2c.home", HOME.toString());
        overrides.put("c2c.data-dir", dataDir.resolve(cc).toString());
        overrides.put("c2c.broker.server-id", SERVER_IDS.incrementAndGet());
        overrides.put("micronaut.server.ssl.port", port);
        overrides.put("c2c.as4.host", "127.0.0.1");
        overrides.put("c2c.as4.port", as4Port);
        // whatever the country files say about the national channels, these gateways choose their own ports
        overrides.putIfAbsent("c2c.national-soap.port", freePortUnchecked());
        overrides.putIfAbsent("c2c.broker.national-acceptor.port", freePortUnchecked());
        return GatewayLauncher.start(HOME.resolve("config/" + cc + "/gateway.yml"), overrides);
    }

    NationalSystemClient national(String cc) {
        return new NationalSystemClient(URI.create("https://localhost:" + (cc.equals("rs") ? rsApiPort : mkApiPort)), tls(cc));
    }

    static SSLContext tls(String cc) {
        return TlsMaterial.load(HOME.resolve("certs-dev/pki/" + cc + "/tls.p12"), "changeit".toCharArray(),
                HOME.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray()).clientContext();
    }

    long messagesAdded(ApplicationContext gateway, String queue) {
        return gateway.getBean(EmbeddedBroker.class).messagesAdded(queue);
    }

    private static String as4Url(int port) {
        return "https://localhost:" + port + "/as4";
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        rs.close();
        mk.close();
    }
}
