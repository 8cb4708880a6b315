package org.c2cgateway.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.micronaut.json.JsonMapper;

import org.c2cgateway.app.keys.AdminClient;

/**
 * {@code trace <message id|MRN>}: an operator's timeline in a terminal, from a running gateway's API. A message id
 * gives that message; an MRN gives every message of the movement, oldest first. Each step shows its time, node, event,
 * attempt, agreement and detail, and each message whether its receipt is kept.
 */
public final class TraceCommand {

    static final String USAGE = """
            usage: java -jar c2c-gateway.jar trace <message id|MRN> [--url https://host:port] [--token-env VARIABLE]
                                                 [--trust-store file.p12] [--trust-store-password-env VARIABLE]
              --url          the gateway's national/operator API (default https://localhost:18441, the demo's RS)
              --token-env    the environment variable holding an operator's bearer token (default C2C_ADMIN_TOKEN;
                             or C2C_ADMIN_USER and C2C_ADMIN_PASSWORD for a login)
              --trust-store  the CA certificates to trust (default certs-dev/pki/truststore.p12, development only;
                             its password from --trust-store-password-env, else the development one)""";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final int PAGE = 200;

    private final AdminClient client;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.createDefault();

    private TraceCommand(AdminClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment) {
        Map<String, String> options = new HashMap<>();
        String wanted = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && i + 1 < args.size()) {
                options.put(arg.substring(2), args.get(++i));
            } else if (!arg.startsWith("--") && wanted == null) {
                wanted = arg;
            } else {
                err.println("trace: unexpected '" + arg + "'\n" + USAGE);
                return 2;
            }
        }
        if ("help".equals(wanted)) {
            out.println(USAGE);
            return 0;
        }
        if (wanted == null || !List.of("url", "token-env", "trust-store", "trust-store-password-env")
                .containsAll(options.keySet())) {
            err.println(USAGE);
            return 2;
        }
        try {
            Map<String, String> credentials = new HashMap<>(environment);
            if (options.containsKey("token-env")) {
                credentials.put(AdminClient.TOKEN_VARIABLE, environment.getOrDefault(options.get("token-env"), ""));
            }
            SSLContext tls = trusting(Path.of(options.getOrDefault("trust-store", "certs-dev/pki/truststore.p12")),
                    options.containsKey("trust-store-password-env")
                            ? environment.getOrDefault(options.get("trust-store-password-env"), "") : "changeit");
            URI gateway = URI.create(options.getOrDefault("url", "https://localhost:18441"));
            return new TraceCommand(new AdminClient(gateway, tls, credentials), out).trace(wanted.trim(), err);
        } catch (IOException | GeneralSecurityException e) {
            err.println("trace: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int trace(String wanted, PrintStream err) throws IOException, InterruptedException {
        AdminClient.Answer one = client.get("/api/v1/messages/" + encode(wanted));
        if (one.ok()) {
            print(json.readValue(one.body(), MessageController.Timeline.class));
            return 0;
        }
        if (one.status() != 404) {
            return refused(one, err);
        }
        String mrn = wanted.toUpperCase(Locale.ROOT);
        List<MessageController.Item> movement = new ArrayList<>();
        for (int page = 0; ; page++) {
            AdminClient.Answer found = client.get("/api/v1/messages?sort=createdAt,asc&size=" + PAGE + "&page=" + page
                    + "&mrn=" + encode(mrn));
            if (!found.ok()) {
                return refused(found, err);
            }
            MessageController.Page items = json.readValue(found.body(), MessageController.Page.class);
            movement.addAll(items.items());
            if (!items.hasMore()) {
                break;
            }
        }
        if (movement.isEmpty()) {
            err.println("trace: no message has the id or MRN " + wanted);
            return 1;
        }
        out.println("MRN " + mrn + ": " + movement.size() + (movement.size() == 1 ? " message" : " messages"));
        for (MessageController.Item item : movement) {
            AdminClient.Answer timeline = client.get("/api/v1/messages/" + encode(item.messageId()));
            if (!timeline.ok()) {
                return refused(timeline, err);
            }
            out.println();
            print(json.readValue(timeline.body(), MessageController.Timeline.class));
        }
        return 0;
    }

    private static int refused(AdminClient.Answer answer, PrintStream err) {
        err.println("trace: the gateway answered HTTP " + answer.status() + ": " + answer.body());
        return 1;
    }

    private void print(MessageController.Timeline t) {
        out.printf("%s %s %s %s, %s%n", t.direction(), t.direction().equals("OUTBOUND") ? "to" : "from", t.partner(),
                t.type(), t.status());
        out.printf("  message id   %s%n  MRN          %s   conversation %s%n  national id  %s%n",
                t.messageId(), t.mrn(), orDash(t.conversationId()), orDash(t.nationalMessageId()));
        out.printf("  agreement    %s   payload %,d bytes   receipt %s%n", orDash(t.agreement()), t.payloadSize(),
                t.receiptStored() ? "yes (kept as evidence)" : "no");
        out.printf("  %-23s  %-10s %-24s %-3s %-16s %s%n", "time (UTC)", "node", "event", "#", "agreement", "detail");
        for (MessageController.Step s : t.events()) {
            out.printf("  %-23s  %-10s %-24s %-3s %-16s %s%n", TIME.format(s.at()), s.node(), s.event(),
                    s.attempt() == null ? "" : s.attempt(), orDash(s.agreement()), orDash(s.detail()));
        }
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Trusts the CA certificates of a PKCS#12 store; the command needs no client certificate, only a login. */
    private static SSLContext trusting(Path trustStore, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }
}
