package org.c2cgateway.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.GatewayLauncher;
import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.model.NotificationHeader;
import org.c2cgateway.model.NotificationReader;
import org.c2cgateway.rules.Explainer;
import org.c2cgateway.transport.TlsMaterial;

/**
 * The main job on the embedded defaults: starts the demo countries' gateways, lets each country's
 * national system submit its sample notifications, and follows each one to every receiver the agreements
 * let receive it, until that receiver's national system has read and acknowledged it. For each it prints
 * what the agreements decided (the dry run's explanation), what the receiving national system got
 * (elements shared, pseudonyms, recognitions), and both traces.
 */
public final class Demo {

    private static final List<String> COUNTRIES = List.of("RS", "MK", "BG");
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path dataRoot;
    private final Function<String, Map<String, Object>> extraSettings;
    /** The demo's own operator, allowed to read traces on every demo gateway for this run only. */
    private final String operatorToken = TokenDigest.newToken();
    private final Map<String, ApplicationContext> gateways = new LinkedHashMap<>();
    private final Map<String, NationalSystemClient> nationalSystems = new LinkedHashMap<>();

    private Demo(Path home, Path dataRoot, Function<String, Map<String, Object>> extraSettings) {
        this.home = home.toAbsolutePath().normalize();
        this.dataRoot = dataRoot;
        this.extraSettings = extraSettings;
    }

    public static int run(Path home) throws Exception {
        return run(home, home.toAbsolutePath().normalize().resolve("data/demo"), country -> Map.of());
    }

    /**
     * The demo with its data under {@code dataRoot} and, per country, settings of its own on top of the
     * country's configuration (the tests move every port to a free one).
     */
    public static int run(Path home, Path dataRoot, Function<String, Map<String, Object>> extraSettings) throws Exception {
        Demo demo = new Demo(home, dataRoot, extraSettings);
        try {
            return demo.exchangeSamples();
        } finally {
            demo.gateways.values().forEach(ApplicationContext::close);
        }
    }

    private int exchangeSamples() throws Exception {
        long start = System.nanoTime();
        deleteRecursively(dataRoot);
        for (String country : COUNTRIES) {
            startGateway(country);
        }
        List<Path> samples = validSamples();
        int failures = 0;
        for (Path sample : samples) {
            failures += exchange(sample) ? 0 : 1;
        }
        System.out.printf("%n%d of %d notifications delivered end to end in %.1f s (wall time, including start-up)%n",
                samples.size() - failures, samples.size(), (System.nanoTime() - start) / 1e9);
        return failures == 0 ? 0 : 1;
    }

    private void startGateway(String country) {
        long t0 = System.nanoTime();
        String cc = country.toLowerCase();
        Map<String, Object> settings = new HashMap<>(DevSecrets.settings(home, cc, dataRoot.resolve(cc), "demo", "operator",
                operatorToken));
        settings.put("c2c.home", home.toString());
        settings.put("c2c.data-dir", dataRoot.resolve(cc).toString());
        settings.putAll(extraSettings.apply(country));
        ApplicationContext context = GatewayLauncher.start(home.resolve("config/" + cc + "/gateway.yml"), settings);
        gateways.put(country, context);
        int port = context.getProperty("micronaut.server.ssl.port", Integer.class).orElseThrow();
        nationalSystems.put(country, new NationalSystemClient(java.net.URI.create("https://localhost:" + port),
                nationalSystemTls(home, cc), null, operatorToken));
        System.out.printf("gateway %s ready on https://localhost:%d in %d ms%n", country, port,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The TLS context of a demo country's national system: its client certificate, trusting the development root. */
    public static SSLContext nationalSystemTls(Path home, String cc) {
        return TlsMaterial.load(home.resolve("certs-dev/pki/" + cc + "/national.p12"), "changeit".toCharArray(),
                home.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray()).clientContext();
    }

    private List<Path> validSamples() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("config/samples/valid"))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private boolean exchange(Path sample) throws Exception {
        byte[] notification = Files.readAllBytes(sample);
        NotificationHeader header = new NotificationReader().readHeader(notification);
        String from = header.officeOfExit().substring(0, 2);
        System.out.printf("%n=== %s: %s %s from %s%n", sample.getFileName(), header.type().rootElement(), header.mrn(), from);
        NationalSystemClient sender = nationalSystems.get(from);
        if (sender == null) {
            System.out.printf("skipped: %s is not a demo country%n", from);
            return false;
        }
        System.out.println("what the agreements decide (rules explain):");
        System.out.print(gateways.get(from).getBean(Explainer.class).explain(notification, Optional.empty()).toText()
                .indent(2));
        NationalSystemClient.Response response = sender.submit(notification);
        if (response.status() != 202) {
            System.out.printf("submission refused with HTTP %d: %s%n", response.status(), response.text());
            return false;
        }
        boolean delivered = true;
        for (SubmissionAccepted.Receiver receiver : sender.read(response, SubmissionAccepted.class).deliveries()) {
            System.out.printf("%naccepted by gateway %s as %s for %s under %s%n", from, receiver.messageId(),
                    receiver.partner(), receiver.agreement());
            delivered &= deliver(notification, from, receiver.partner(), receiver.messageId());
        }
        return delivered;
    }

    /**
     * Follows one receiver's message to its national system. What that system gets is the document the sender's
     * agreement allowed (its hash on both gateways must match: nothing changed on the way) with the receiving
     * gateway's {@code Recognition} added.
     */
    private boolean deliver(byte[] submitted, String from, String to, String messageId) throws Exception {
        NationalSystemClient sender = nationalSystems.get(from);
        NationalSystemClient receiver = nationalSystems.get(to);
        if (receiver == null) {
            System.out.printf("%s is not a demo country%n", to);
            return false;
        }
        InboxController.Item item = Await.until("the notification in " + to + "'s inbox", DELIVERY_TIMEOUT,
                () -> receiver.inbox().stream().filter(i -> i.messageId().equals(messageId)).findFirst());
        byte[] got = java.util.Base64.getDecoder().decode(item.payload());
        receiver.acknowledge(messageId);
        // the sender learns from the receiver's signed delivery status that the national system took it
        MessageController.Timeline sent = Await.until("the receipt and " + to + "'s delivery status on " + from,
                DELIVERY_TIMEOUT, () -> Optional.ofNullable(sender.trace(messageId))
                        .filter(t -> t.status().equals("DELIVERED_TO_PARTNER"))
                        .filter(t -> t.events().stream().anyMatch(e -> e.event().equals("PARTNER_ACKNOWLEDGED"))));
        MessageController.Timeline received = Await.until("the acknowledgement on " + to, DELIVERY_TIMEOUT,
                () -> Optional.ofNullable(receiver.trace(messageId)).filter(t -> t.status().equals("ACKNOWLEDGED")));
        boolean intact = sent.payloadSha256().equals(received.payloadSha256());
        System.out.printf("read by %s's national system and acknowledged; sent and received documents %s%n", to,
                intact ? "identical (same SHA-256 on both gateways)" : "DIFFER");
        System.out.print(DeliveredNotification.describe(submitted, got).indent(2));
        print("trace on " + from + " (sender)", sent);
        print("trace on " + to + " (receiver)", received);
        return intact;
    }

    private static void print(String title, MessageController.Timeline timeline) {
        System.out.printf("  %s: status %s%n", title, timeline.status());
        List<MessageController.Step> steps = new ArrayList<>(timeline.events());
        for (MessageController.Step step : steps) {
            System.out.printf("    %s  %-22s %s%n", step.at(), step.event(), step.detail() == null ? "" : step.detail());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
