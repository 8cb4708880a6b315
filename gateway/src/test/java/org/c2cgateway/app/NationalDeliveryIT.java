package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micronaut.context.ApplicationContext;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.c2cgateway.app.access.PasswordHash;
import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.national.NationalPushRoutes;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiving gateway's push and queue channels to its national system, fed by a real sending gateway:
 * a real HTTPS webhook that fails the first pushes of every notification, and a JMS client of the
 * national system consuming the delivery queue. Each notification arrives once by its message id.
 */
class NationalDeliveryIT {

    // generous: the first send pays for both gateways warming up (TLS, WSS4J, JIT), and CI machines are shared
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int NOTIFICATIONS = 3;

    @TempDir
    Path data;
    private HttpsServer webhook;

    @AfterEach
    void stopWebhook() {
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    void push_is_retried_until_the_webhook_accepts_and_delivers_each_notification_once() throws Exception {
        Webhook hook = new Webhook(2);
        Map<String, byte[]> sent = exchange(Map.of(
                "c2c.national-delivery.mode", "PUSH",
                "c2c.national-delivery.push.url", "https://localhost:" + startWebhook(hook) + "/c2c/notifications",
                "c2c.national-delivery.push.initial-delay", "20ms",
                "c2c.national-delivery.push.max-delay", "100ms"), (mk, mkNational) -> {
            for (String id : List.copyOf(pendingIds)) {
                MessageController.Timeline delivered = Await.until(id + " pushed", TIMEOUT, () ->
                        Optional.ofNullable(mkNational.trace(id)).filter(t -> t.status().equals("DELIVERED")));
                List<String> events = ExchangeEndToEndIT.events(delivered);
                assertEquals(2, events.stream().filter("NATIONAL_DELIVERY_FAILED"::equals).count(), events.toString());
                assertTrue(delivered.events().get(delivered.events().size() - 1).detail().endsWith(", HTTP 204"),
                        delivered.events().toString());
            }
            Await.until("the last push committed", TIMEOUT, () -> Optional.of(mk.getBean(EmbeddedBroker.class)
                    .messageCount(Queues.IN_NATIONAL)).filter(count -> count == 0));
            assertTrue(mk.getBeansOfType(InboxController.class).isEmpty(),
                    "no pull inbox beside the push channel");
        });
        assertEquals(sent.keySet(), hook.accepted.keySet());
        for (Map.Entry<String, byte[]> notification : sent.entrySet()) {
            Webhook.Push push = hook.accepted.get(notification.getKey());
            assertEquals(1, push.acceptedTimes.get(), "accepted once: " + notification.getKey());
            assertEquals(3, hook.attempts.get(notification.getKey()).get(), "two refused, one accepted");
            Delivered.assertSameData(notification.getValue(), push.body);
            assertEquals("application/xml", push.headers.get("Content-type"));
            assertEquals("26RS0110T0000452M5", push.headers.get("C2c-mrn"));
            assertEquals("PreArrivalNotification", push.headers.get("C2c-type"));
            assertEquals("RS", push.headers.get("C2c-from"));
        }
    }

    @Test
    void push_that_never_succeeds_ends_in_the_national_dead_letter_queue_and_is_pushed_again_on_replay() throws Exception {
        Webhook hook = new Webhook(Integer.MAX_VALUE);
        exchange(Map.of(
                "c2c.national-delivery.mode", "PUSH",
                "c2c.national-delivery.push.url", "https://localhost:" + startWebhook(hook) + "/c2c/notifications",
                "c2c.national-delivery.push.initial-delay", "20ms",
                "c2c.national-delivery.push.max-delay", "100ms",
                "c2c.national-delivery.push.time-to-live", "2s"), (mk, mkNational) -> {
            for (String id : List.copyOf(pendingIds)) {
                MessageController.Timeline undeliverable = Await.until(id + " dead-lettered", TIMEOUT, () ->
                        Optional.ofNullable(mkNational.trace(id)).filter(t -> t.status().equals("UNDELIVERABLE")));
                assertTrue(undeliverable.events().stream().anyMatch(e -> e.event().equals("NATIONAL_DEAD_LETTERED")
                        && e.detail().startsWith("time-to-live PT2S") && e.detail().contains("HTTP 503")),
                        undeliverable.events().toString());
            }
            EmbeddedBroker broker = mk.getBean(EmbeddedBroker.class);
            Await.until("the last dead letter committed", TIMEOUT, () -> Optional.of(broker
                    .messageCount(Queues.deadLetterOf(Queues.IN_NATIONAL))).filter(count -> count == NOTIFICATIONS));
            assertEquals(0, broker.messageCount(Queues.IN_NATIONAL));
            assertTrue(hook.accepted.isEmpty());

            // the national system is fixed: the operator replays the national dead letters
            hook.refusals = 0;
            HttpResponse<String> replayed = HttpClient.newBuilder().sslContext(TwoGateways.tls("mk")).build().send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + mk.getProperty("micronaut.server.ssl.port",
                                    Integer.class).orElseThrow() + "/api/v1/admin/dead-letters/national/replay"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"all\": true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, replayed.statusCode(), replayed.body());
            for (String id : List.copyOf(pendingIds)) {
                assertTrue(replayed.body().contains(id), replayed.body());
                Await.until(id + " pushed after the replay", TIMEOUT, () ->
                        Optional.ofNullable(mkNational.trace(id)).filter(t -> t.status().equals("DELIVERED")));
                assertEquals(1, hook.accepted.get(id).acceptedTimes().get());
            }
            Await.until("the dead-letter queue emptied", TIMEOUT, () -> Optional.of(broker
                    .messageCount(Queues.deadLetterOf(Queues.IN_NATIONAL))).filter(count -> count == 0));
        });
    }

    @Test
    void queue_channel_hands_each_notification_once_to_a_jms_consumer_with_its_message_id() throws Exception {
        int acceptorPort = TwoGateways.freePort();
        Map<String, byte[]> sent = exchange(Map.of(
                "c2c.national-delivery.mode", "QUEUE",
                "c2c.broker.national-acceptor.port", acceptorPort,
                "c2c.broker.national-acceptor.password-hash", QUEUE_PASSWORD_HASH), (mk, mkNational) -> {
            for (String id : List.copyOf(pendingIds)) {
                MessageController.Timeline delivered = Await.until(id + " queued for MK's national system", TIMEOUT, () ->
                        Optional.ofNullable(mkNational.trace(id)).filter(t -> t.status().equals("DELIVERED")));
                assertTrue(delivered.events().get(delivered.events().size() - 1).detail().contains("national.delivery"));
            }
        });
        assertEquals(sent.keySet(), receivedByQueue.keySet());
        for (Map.Entry<String, byte[]> notification : sent.entrySet()) {
            Delivered.assertSameData(notification.getValue(), receivedByQueue.get(notification.getKey()));
        }
        assertNull(duplicateByQueue, "no notification came twice");
    }

    // --- the exchange: RS sends, MK receives with the channel under test ---

    /** MK's national system's broker account on the QUEUE channel. */
    private static final String QUEUE_PASSWORD = TokenDigest.newToken();
    private static final String QUEUE_PASSWORD_HASH = PasswordHash.hash(QUEUE_PASSWORD.toCharArray(), 10_000);

    private final List<String> pendingIds = new ArrayList<>();
    private final Map<String, byte[]> receivedByQueue = new LinkedHashMap<>();
    private String duplicateByQueue;

    @FunctionalInterface
    interface WhileRunning {
        void check(ApplicationContext mk, NationalSystemClient mkNational) throws Exception;
    }

    /** Sends {@link #NOTIFICATIONS} from RS to an MK with the given settings; returns what was sent, by message id. */
    private Map<String, byte[]> exchange(Map<String, Object> mkSettings, WhileRunning check) throws Exception {
        int rsPort = TwoGateways.freePort();
        int mkPort = TwoGateways.freePort();
        int rsAs4Port = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        Map<String, Object> mkAll = new HashMap<>(mkSettings);
        mkAll.put("c2c.partners.RS.endpoint", TwoGateways.as4Url(rsAs4Port));
        Map<String, byte[]> sent = new LinkedHashMap<>();
        try (ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data, mkAll);
             ApplicationContext rs = TwoGateways.start("rs", rsPort, rsAs4Port, data,
                     Map.of("c2c.partners.MK.endpoint", TwoGateways.as4Url(mkAs4Port)))) {
            NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", rsPort);
            for (int i = 0; i < NOTIFICATIONS; i++) {
                byte[] notification = TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK);
                NationalSystemClient.Response response = rsNational.submit(notification);
                assertEquals(202, response.status(), response.text());
                sent.put(rsNational.read(response, SubmissionAccepted.class).messageId(), notification);
            }
            pendingIds.addAll(sent.keySet());
            check.check(mk, TwoGateways.nationalSystem("mk", mkPort));
            if ("QUEUE".equals(mkSettings.get("c2c.national-delivery.mode"))) {
                consumeDeliveryQueue((Integer) mkSettings.get("c2c.broker.national-acceptor.port"));
            }
        }
        return sent;
    }

    /** The national system's JMS client: takes everything from the delivery queue, in one transaction. */
    private void consumeDeliveryQueue(int acceptorPort) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + acceptorPort)
                .createConnection("national", QUEUE_PASSWORD)) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue("national.delivery"));
            BytesMessage message;
            while ((message = (BytesMessage) consumer.receive(receivedByQueue.size() < NOTIFICATIONS ? 10_000 : 500)) != null) {
                String id = message.getStringProperty(QueueHeaders.MESSAGE_ID);
                if (receivedByQueue.containsKey(id)) {
                    duplicateByQueue = id;
                }
                receivedByQueue.put(id, message.getBody(byte[].class));
                assertEquals(id, message.getStringProperty(QueueHeaders.BROKER_DUPLICATE_ID));
                assertEquals("26RS0110T0000452M5", message.getStringProperty(QueueHeaders.MRN));
            }
            session.commit();
        }
    }

    private int startWebhook(Webhook hook) throws IOException {
        webhook = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.setHttpsConfigurator(new HttpsConfigurator(TwoGateways.tls("bg")));
        webhook.createContext("/c2c/notifications", hook::handle);
        webhook.start();
        return webhook.getAddress().getPort();
    }

    /** The national system's webhook: refuses the first pushes of each notification, then keeps it once by id. */
    static final class Webhook {

        record Push(byte[] body, Map<String, String> headers, AtomicInteger acceptedTimes) {
        }

        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, Push> accepted = new ConcurrentHashMap<>();
        volatile int refusals;

        Webhook(int refusals) {
            this.refusals = refusals;
        }

        void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = exchange.getRequestHeaders().getFirst(NationalPushRoutes.MESSAGE_ID_HEADER);
                int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                if (attempt <= refusals) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                // idempotent by message id: a repeat is answered 2xx but not kept again
                accepted.computeIfAbsent(id, k -> new Push(body, headers, new AtomicInteger())).acceptedTimes().incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        }
    }
}
