package org.c2cgateway.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.demo.NationalSystemClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * MK on its own, receiving from RS played by the test ({@link TestPartner}), for the integration tests of
 * what a receiving gateway does with what it is sent. Registered as a static JUnit extension: MK starts
 * before the class on its own ports and data directory, proves after every test that it still receives a
 * genuine message, and stops after the class. It can restart on the same journal and trace store.
 */
final class ReceivingGateway implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final Map<String, Object> settings;
    private Path data;
    private int nationalPort;
    private int as4Port;
    private TestPartner rs;
    private ApplicationContext context;

    /** @param settings MK's configuration beyond its own {@code config/mk/gateway.yml} */
    ReceivingGateway(Map<String, Object> settings) {
        this.settings = new HashMap<>(settings);
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws IOException {
        data = Files.createTempDirectory("receiving-gateway");
        nationalPort = TwoGateways.freePort();
        as4Port = TwoGateways.freePort();
        settings.put("c2c.partners.RS.endpoint", TwoGateways.as4Url(TwoGateways.freePort()));
        rs = TestPartner.rsSendingToMk(as4Port);
        context = TwoGateways.start("mk", nationalPort, as4Port, data, settings);
    }

    /** Whatever the test sent, a genuine message is still received, acknowledged and delivered. */
    @Override
    public void afterEach(ExtensionContext extension) throws Exception {
        RefusalCheck.assertStillServing(context, rs);
    }

    @Override
    public void afterAll(ExtensionContext extension) throws IOException {
        if (context != null) {
            context.close();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(ReceivingGateway::delete);
        }
    }

    ApplicationContext context() {
        return context;
    }

    TestPartner rs() {
        return rs;
    }

    /** MK's national system, for its inbox and the message traces. */
    NationalSystemClient national() {
        return TwoGateways.nationalSystem("mk", nationalPort);
    }

    int nationalPort() {
        return nationalPort;
    }

    /** Stops MK and starts it again on the same ports, journal and trace store. */
    void restart() {
        context.close();
        context = TwoGateways.start("mk", nationalPort, as4Port, data, settings);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
