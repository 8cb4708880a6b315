package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.DevSecrets;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.app.keys.KeysCommand;
import org.c2cgateway.outbound.DeadLetters;
import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyPurpose;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.transport.TlsMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MK rolls both of its message keys over while RS sends it a steady stream of notifications, one
 * {@code keys} command per step of the documented procedure, on two real gateways (HTTPS with mutual TLS,
 * WS-Security, persistent Artemis journals, H2) and a PKI of the test's own. In the end every notification
 * reached MK's national system exactly once, no attempt was refused or dead-lettered, and what was sent after
 * the switch was encrypted for MK's new key and acknowledged with receipts signed by its new key.
 */
class KeyRotationIT {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotationIT.class);

    static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** New deliveries awaited after each step, so that each key phase carries traffic. */
    static final int PER_STEP = 40;
    static final int MAX_NOTIFICATIONS = 1000;
    static final int IN_FLIGHT = 20;
    /** The admin's credentials for the {@code keys} command, from the environment as in production. */
    static final Map<String, String> ADMIN_ENVIRONMENT = Map.of("C2C_ADMIN_TOKEN", TwoGateways.OPERATOR_TOKEN);
    static final char[] PASSWORD = DevPki.DEFAULT_PASSWORD.toCharArray();

    @TempDir
    Path dir;
    DevPki pki;
    Path rsConfig;
    Path mkConfig;
    ApplicationContext mk;
    ApplicationContext rs;
    int rsPort;
    int mkPort;
    NationalSystemClient rsNational;
    NationalSystemClient mkNational;
    SSLContext tls;

    final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Integer> delivered = new ConcurrentHashMap<>();
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicReference<Throwable> streamFailure = new AtomicReference<>();

    @AfterEach
    void stopGateways() {
        stop.set(true);
        if (rs != null) {
            rs.close();
        }
        if (mk != null) {
            mk.close();
        }
    }

    @Test
    void keys_roll_over_step_by_step_while_notifications_flow_and_none_is_refused_lost_or_doubled() throws Exception {
        startGateways();
        Thread submitter = background("submitter", this::submitStream);
        Thread nationalSystem = background("mk-national", this::drainInbox);
        String mkGateway = "https://localhost:" + mkPort;
        String rsGateway = "https://localhost:" + rsPort;
        Path mkDir = pki.directory().resolve("mk");
        X509Certificate oldSigning = pki.credential("MK", KeyPurpose.SIGNING).certificate();
        X509Certificate oldEncryption = pki.credential("MK", KeyPurpose.ENCRYPTION).certificate();
        awaitMoreDeliveries("before the rollover");
        String beforeRollover = lastAccepted();

        // 1. MK issues its next keys
        X509Certificate newSigning = pki.renew("MK", KeyPurpose.SIGNING, "signing",
                IssueOptions.defaults().withName("signing-next")).certificate();
        X509Certificate newEncryption = pki.renew("MK", KeyPurpose.ENCRYPTION, "encryption",
                IssueOptions.defaults().withName("encryption-next")).certificate();

        // 2. MK holds them as next and reloads: it now decrypts with either encryption key
        keys("add-next", mkConfig, "--purpose", "encryption", "--key-store", mkDir.resolve("encryption-next.p12"), "--gateway", mkGateway);
        keys("add-next", mkConfig, "--purpose", "signing", "--key-store", mkDir.resolve("signing-next.p12"), "--gateway", mkGateway);
        awaitMoreDeliveries("after MK took up its next keys");

        // a file with a key that cannot be opened is refused whole, naming the key; the keys in force stay
        refusedReloadLeavesKeysInForce(mkDir);
        String before = Files.readString(rsConfig);
        assertTrue(keysRefused("partner-add", rsConfig, "--partner", "MK", "--signing-certificate",
                mkDir.resolve("no-such.crt"), "--gateway", rsGateway).contains("c2c.partners.MK.trust.signing-certificates[1]"));
        assertEquals(before, Files.readString(rsConfig), "a refused edit leaves the file as it was");

        // 3. RS accepts MK's next certificates too (still encrypting for the current one) and reloads
        keys("partner-add", rsConfig, "--partner", "MK", "--encryption-certificate", mkDir.resolve("encryption-next.crt"),
                "--signing-certificate", mkDir.resolve("signing-next.crt"), "--gateway", rsGateway);
        awaitMoreDeliveries("after RS accepted MK's next certificates");

        // 4. MK switches to its new keys; RS encrypts for MK's new key
        keys("promote", mkConfig, "--purpose", "signing", "--gateway", mkGateway);
        keys("promote", mkConfig, "--purpose", "encryption", "--gateway", mkGateway);
        awaitMoreDeliveries("after MK promoted its keys");
        keys("partner-prefer", rsConfig, "--partner", "MK", "--encryption-certificate",
                mkDir.resolve("encryption-next.crt"), "--gateway", rsGateway);
        awaitMoreDeliveries("after RS preferred MK's new encryption key");

        // 5. after the overlap the old keys go
        keys("partner-remove", rsConfig, "--partner", "MK", "--certificate", mkDir.resolve("encryption.crt"),
                "--certificate", mkDir.resolve("signing.crt"), "--gateway", rsGateway);
        keys("drop-previous", mkConfig, "--gateway", mkGateway);
        awaitMoreDeliveries("after the old keys were removed");
        String afterRollover = lastAccepted();

        stop.set(true);
        submitter.join(TIMEOUT.toMillis());
        assertNull(streamFailure.get(), "the submitter and the national system ran without error");
        List<String> sent = List.copyOf(accepted);
        Await.until("all " + sent.size() + " notifications in MK's inbox", TIMEOUT,
                () -> Optional.of(sent).filter(s -> delivered.keySet().containsAll(s)));
        nationalSystem.join(TIMEOUT.toMillis());

        LOG.info("{} notifications sent RS to MK during the rollover, each delivered once", sent.size());
        assertTrue(sent.size() >= 7 * PER_STEP, "a stream, not a trickle: " + sent.size());
        assertEquals(sent.size(), delivered.size(), "nothing delivered that was not sent");
        assertTrue(delivered.values().stream().allMatch(n -> n == 1), "each delivered once: " + delivered);
        assertEquals(sent.size(), TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL), "each queued for MK's national system once");
        assertEquals(List.of(), rs.getBean(DeadLetters.class).list("MK"), "nothing dead-lettered");
        for (String id : sent) {
            MessageController.Timeline timeline = Await.until(id + " delivered to MK", TIMEOUT, () ->
                    Optional.ofNullable(rsNational.trace(id)).filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
            assertTrue(timeline.events().stream().noneMatch(e -> e.event().equals("SEND_FAILED")),
                    "no attempt was refused: " + id + " " + timeline.events());
        }

        assertExchangedWith(beforeRollover, oldEncryption, oldSigning);
        assertExchangedWith(afterRollover, newEncryption, newSigning);
        assertKeysInForce(newEncryption, newSigning);

        String good = Files.readString(mkConfig);
        assertReloadRefused(good.replaceFirst("(?m)^    BG:\n(      .*\n)+", ""), "c2c.partners", "[BG, RS]");
        assertReloadRefused(good.replace("    signing:\n      current:", "    signing:\n      nxt:"),
                "SigningKeyConfiguration", "must be current or next");
        Files.writeString(mkConfig, good);
        assertKeysInForce(newEncryption, newSigning);
    }

    /** A reload of {@code broken} is answered 422 naming what is wrong. */
    private void assertReloadRefused(String broken, String... named) throws Exception {
        Files.writeString(mkConfig, broken);
        HttpResponse<String> refused = admin("POST", mkPort, "/api/v1/admin/keys/reload");
        assertEquals(422, refused.statusCode(), refused.body());
        for (String name : named) {
            assertTrue(refused.body().contains(name), name + " in " + refused.body());
        }
    }

    /** A message was encrypted for {@code encryption} (both sides say so) and its receipt signed with {@code signing}. */
    private void assertExchangedWith(String messageId, X509Certificate encryption, X509Certificate signing)
            throws Exception {
        String encryptedFor = "encrypted for " + describe(encryption);
        assertTrue(detail(rsNational.trace(messageId), "SENT").contains(encryptedFor), messageId);
        assertTrue(detail(mkNational.trace(messageId), "VERIFIED").contains(encryptedFor), messageId);
        assertTrue(detail(rsNational.trace(messageId), "RECEIPT_VERIFIED").contains("with " + describe(signing)),
                messageId);
    }

    private void assertKeysInForce(X509Certificate encryption, X509Certificate signing) throws Exception {
        String mkKeys = admin("GET", mkPort, "/api/v1/admin/keys").body();
        assertTrue(mkKeys.contains(serial(encryption)) && mkKeys.contains(serial(signing)), mkKeys);
        assertTrue(!mkKeys.contains("\"next\"") && !mkKeys.contains("\"previous\""), "only current keys left: " + mkKeys);
        String rsKeys = admin("GET", rsPort, "/api/v1/admin/keys").body();
        assertEquals(2, count(rsKeys, "\"serial\":\"" + serial(encryption) + "\""),
                "RS encrypts for MK's new key, its only encryption certificate: " + rsKeys);
        assertEquals(1, count(rsKeys, "\"serial\":\"" + serial(signing) + "\""), rsKeys);
    }

    private void refusedReloadLeavesKeysInForce(Path mkDir) throws Exception {
        String good = Files.readString(mkConfig);
        Files.writeString(mkConfig, good.replace(mkDir.resolve("encryption-next.p12").toString(),
                mkDir.resolve("no-such-key.p12").toString()));
        try {
            HttpResponse<String> refused = admin("POST", mkPort, "/api/v1/admin/keys/reload");
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("c2c.message-keys.encryption.next") && refused.body().contains("no-such-key.p12"),
                    refused.body());
        } finally {
            Files.writeString(mkConfig, good);
        }
        String inForce = admin("GET", mkPort, "/api/v1/admin/keys").body();
        assertTrue(inForce.contains(serial(pki.credential("MK", "encryption-next").certificate())), inForce);
        awaitMoreDeliveries("after a refused reload");
    }

    private void startGateways() throws Exception {
        pki = DevPki.generate(dir.resolve("pki"), DevPki.DEFAULT_COUNTRIES, PASSWORD);
        rsConfig = configOnTestPki("rs");
        mkConfig = configOnTestPki("mk");
        rsPort = TwoGateways.freePort();
        mkPort = TwoGateways.freePort();
        int rsAs4Port = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        mk = TwoGateways.start(mkConfig, "mk", mkPort, mkAs4Port, dir, Map.of(
                "c2c.partners.RS.endpoint", TwoGateways.as4Url(rsAs4Port)));
        rs = TwoGateways.start(rsConfig, "rs", rsPort, rsAs4Port, dir, Map.of(
                "c2c.partners.MK.endpoint", TwoGateways.as4Url(mkAs4Port)));
        tls = TlsMaterial.load(pki.keyStore("RS", KeyPurpose.TLS), PASSWORD, pki.trustStore(), PASSWORD).clientContext();
        rsNational = nationalSystem("RS", rsPort);
        mkNational = nationalSystem("MK", mkPort);
    }

    /** A country's national system, authenticated by its national certificate of the test's PKI. */
    private NationalSystemClient nationalSystem(String country, int port) {
        return new NationalSystemClient(URI.create("https://localhost:" + port), TlsMaterial.load(
                pki.keyStore(country, KeyPurpose.NATIONAL), PASSWORD, pki.trustStore(), PASSWORD).clientContext(),
                null, TwoGateways.OPERATOR_TOKEN);
    }

    /**
     * The country's configuration with every file of the development PKI taken from the test's PKI instead, and
     * its development secrets from an owner-only copy (the {@code keys} command reads them as the gateway does).
     */
    private Path configOnTestPki(String cc) throws Exception {
        String committed = Files.readString(TwoGateways.HOME.resolve("config/" + cc + "/gateway.yml"));
        Path secrets = DevSecrets.privateCopy(TwoGateways.HOME.resolve("config/" + cc + "/secrets.dev.yml"),
                dir.resolve(cc + "-secrets"));
        String onTestPki = Pattern.compile("(file:\\$\\{c2c\\.home}/)?certs-dev/pki/").matcher(committed)
                .replaceAll(m -> (m.group(1) == null ? "" : "file:") + pki.directory().toString().replace("\\", "/") + "/")
                .replaceFirst("(?m)^c2c:\n", "c2c:\n  home: " + TwoGateways.HOME.toString().replace("\\", "/") + "\n")
                .replaceFirst("(?m)^  secrets-file: .*$", Matcher.quoteReplacement("  secrets-file: "
                        + secrets.toString().replace("\\", "/")));
        Path file = dir.resolve(cc + "-gateway.yml");
        Files.writeString(file, onTestPki);
        return file;
    }

    /**
     * Submits notifications to RS one after another until told to stop, keeping at most {@link #IN_FLIGHT} on their
     * way, so that the stream runs at the pace of delivery through every step rather than ahead of it.
     */
    private void submitStream() throws Exception {
        while (!stop.get() && accepted.size() < MAX_NOTIFICATIONS) {
            Await.until("room in the stream", TIMEOUT, () ->
                    Optional.of(true).filter(room -> stop.get() || accepted.size() - delivered.size() < IN_FLIGHT));
            NationalSystemClient.Response response = rsNational.submit(
                    TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
            assertEquals(202, response.status(), response.text());
            accepted.add(rsNational.read(response, SubmissionAccepted.class).messageId());
        }
    }

    /**
     * MK's national system: reads each notification from the inbox and acknowledges it, counting what it sees,
     * until the stream has stopped and everything sent was seen.
     */
    private void drainInbox() throws Exception {
        while (true) {
            List<InboxController.Item> items = Await.until("notifications in MK's inbox", TIMEOUT, () ->
                    streamDone() ? Optional.of(List.<InboxController.Item>of())
                            : Optional.of(mkNational.inbox()).filter(page -> !page.isEmpty()));
            if (items.isEmpty()) {
                return;
            }
            for (InboxController.Item item : items) {
                delivered.merge(item.messageId(), 1, Integer::sum);
                assertEquals(200, mkNational.acknowledge(item.messageId()).status());
            }
        }
    }

    private boolean streamDone() {
        return stop.get() && delivered.keySet().containsAll(List.copyOf(accepted));
    }

    private Thread background(String name, ThrowingRunnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                streamFailure.compareAndSet(null, t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void awaitMoreDeliveries(String when) throws Exception {
        int target = delivered.size() + PER_STEP;
        Await.until(PER_STEP + " more notifications delivered " + when, TIMEOUT, () -> {
            if (streamFailure.get() != null) {
                throw new IllegalStateException("the stream broke " + when, streamFailure.get());
            }
            return delivered.size() >= target ? Optional.of(delivered.size()) : Optional.empty();
        });
    }

    private String lastAccepted() {
        synchronized (accepted) {
            return accepted.get(accepted.size() - 1);
        }
    }

    /** Runs one {@code keys} command as an operator would, and requires it to succeed. */
    private void keys(String command, Path config, Object... options) {
        Run run = run(command, config, options);
        assertEquals(0, run.status(), "keys " + command + " failed: " + run.err() + run.out());
        LOG.info("keys {} {}:\n{}", command, config.getFileName(), run.out());
    }

    /** Runs a {@code keys} command that must be refused; answers what it said. */
    private String keysRefused(String command, Path config, Object... options) {
        Run run = run(command, config, options);
        assertEquals(1, run.status(), "keys " + command + " was not refused: " + run.out());
        return run.err();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String command, Path config, Object... options) {
        List<String> args = new ArrayList<>(List.of(command, config.toString()));
        for (Object option : options) {
            args.add(option.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KeysCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ADMIN_ENVIRONMENT);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> admin(String method, int port, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody());
        return HttpClient.newBuilder().sslContext(tls).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(MessageController.Timeline timeline, String event) {
        return timeline.events().stream().filter(e -> e.event().equals(event)).map(MessageController.Step::detail)
                .findFirst().orElseThrow(() -> new AssertionError("no " + event + " in " + timeline.events()));
    }

    private static String describe(X509Certificate c) {
        return org.c2cgateway.security.Certificates.describe(c);
    }

    private static String serial(X509Certificate c) {
        return c.getSerialNumber().toString(16);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
