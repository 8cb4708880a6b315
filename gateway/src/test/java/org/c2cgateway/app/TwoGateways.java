package org.c2cgateway.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.transport.FreePorts;
import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.demo.Demo;
import org.c2cgateway.app.demo.DevSecrets;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.transport.TlsMaterial;

/**
 * Two real gateways for integration tests: RS sends, MK receives. Each has its own persistent Artemis
 * journal and H2 trace store in a temporary directory, and its own HTTPS port on loopback.
 */
public final class TwoGateways implements AutoCloseable {

    public static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    /** The bearer token of the tests' operator, an admin on every test gateway. */
    public static final String OPERATOR_TOKEN = TokenDigest.newToken();
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
        this(dataDir, rsSettings, Map.of());
    }

    /** @param mkSettings more settings for the receiving gateway (MK), such as its agreement with RS */
    public TwoGateways(Path dataDir, Map<String, Object> rsSettings, Map<String, Object> mkSettings) throws IOException {
        rsPort = freePort();
        mkPort = freePort();
        rsAs4Port = freePort();
        mkAs4Port = freePort();
        Map<String, Object> mkOverrides = new HashMap<>(mkSettings);
        mkOverrides.put("c2c.partners.RS.endpoint", as4Url(rsAs4Port));
        mk = start("mk", mkPort, mkAs4Port, dataDir, mkOverrides);
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
        Map<String, Object> overrides = new HashMap<>(DevSecrets.settings(HOME, cc, dataDir.resolve(cc), "test-admin", "admin",
                OPERATOR_TOKEN));
        overrides.putAll(extra);
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

    /** The national system of a country (by its client certificate), with the tests' operator token for traces. */
    public static NationalSystemClient nationalSystem(String cc, int port) {
        return new NationalSystemClient(URI.create("https://localhost:" + port), nationalTls(cc), null, OPERATOR_TOKEN);
    }

    /** A country's gateway TLS identity (as a partner sees it), trusting the development root CA. */
    public static SSLContext tls(String cc) {
        return TlsMaterial.load(HOME.resolve("certs-dev/pki/" + cc + "/tls.p12"), "changeit".toCharArray(),
                HOME.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray()).clientContext();
    }

    /** A country's national system's TLS identity: its client certificate for the national APIs. */
    public static SSLContext nationalTls(String cc) {
        return Demo.nationalSystemTls(HOME, cc);
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
        return FreePorts.next();
    }

    @Override
    public void close() {
        rs.close();
        mk.close();
    }
}
