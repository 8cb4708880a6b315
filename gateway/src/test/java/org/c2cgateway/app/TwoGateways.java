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
import org.c2cgateway.transport.TlsMaterial;

/**
 * Two real gateways for integration tests: RS sends, MK receives. Each has its own persistent Artemis
 * journal and H2 trace store in a temporary directory, and its own HTTPS port on loopback.
 */
public final class TwoGateways implements AutoCloseable {

    public static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final AtomicInteger SERVER_IDS = new AtomicInteger(100);

    public final ApplicationContext rs;
    public final ApplicationContext mk;
    /** The national API ports. */
    public final int rsPort;
    public final int mkPort;
    /** The partner-facing AS4 ports. */
    final int rsAs4Port;
    final int mkAs4Port;

    TwoGateways(Path dataDir) throws IOException {
        this(dataDir, Map.of());
    }

    /** @param rsSettings more settings for the sending gateway (RS), such as its national channels */
    public TwoGateways(Path dataDir, Map<String, Object> rsSettings) throws IOException {
        rsPort = freePort();
        mkPort = freePort();
        rsAs4Port = freePort();
        mkAs4Port = freePort();
        mk = start("mk", mkPort, mkAs4Port, dataDir, Map.of("c2c.partners.RS.endpoint", as4Url(rsAs4Port)));
        Map<String, Object> rsOverrides = new HashMap<>(rsSettings);
        rsOverrides.put("c2c.partners.MK.endpoint", as4Url(mkAs4Port));
        rs = start("rs", rsPort, rsAs4Port, dataDir, rsOverrides);
    }

    static ApplicationContext start(String cc, int port, int as4Port, Path dataDir, Map<String, Object> extra) {
        return start(HOME.resolve("config/" + cc + "/gateway.yml"), cc, port, as4Port, dataDir, extra);
    }

    /** A gateway from a configuration file of the test's own, on ephemeral ports like the others. */
    static ApplicationContext start(Path configFile, String cc, int port, int as4Port, Path dataDir,
                                    Map<String, Object> extra) {
        Map<String, Object> overrides = new HashMap<>(extra);
        overrides.put("c2c.home", HOME.toString());
        overrides.put("c2c.data-dir", dataDir.resolve(cc).toString());
        overrides.put("c2c.broker.server-id", SERVER_IDS.incrementAndGet());
        overrides.put("micronaut.server.ssl.port", port);
        overrides.put("c2c.as4.host", "127.0.0.1");
        overrides.put("c2c.as4.port", as4Port);
        overrides.putIfAbsent("c2c.national-soap.port", freePortUnchecked());
        overrides.putIfAbsent("c2c.broker.national-acceptor.port", freePortUnchecked());
        return GatewayLauncher.start(configFile, overrides);
    }

    /** A valid sample under a national message id of its own, so that it is never taken for a duplicate. */
    static byte[] uniqueSample(Path sample) throws IOException {
        String xml = java.nio.file.Files.readString(sample);
        return xml.replaceFirst("<MessageId>[^<]*</MessageId>", "<MessageId>TEST-" + java.util.UUID.randomUUID() + "</MessageId>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String as4Url(int port) {
        return "https://localhost:" + port + "/as4";
    }

    /** The national system of a country, over HTTPS trusting the development root CA. */
    public static NationalSystemClient nationalSystem(String cc, int port) {
        return new NationalSystemClient(URI.create("https://localhost:" + port), tls(cc));
    }

    public static SSLContext tls(String cc) {
        return TlsMaterial.load(HOME.resolve("certs-dev/pki/" + cc + "/tls.p12"), "changeit".toCharArray(),
                HOME.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray()).clientContext();
    }

    public static long messagesAdded(ApplicationContext gateway, String queue) {
        return gateway.getBean(EmbeddedBroker.class).messagesAdded(queue);
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static int freePort() throws IOException {
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
