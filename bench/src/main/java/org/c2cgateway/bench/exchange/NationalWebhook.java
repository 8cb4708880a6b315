package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.c2cgateway.transport.TlsMaterial;

/**
 * MK's national system, as the receiving gateway's push channel reaches it: an HTTPS webhook that notes when
 * each notification arrives (by the gateway message id, the national system's idempotency key) and answers
 * 204. Where the harness measures "available at B".
 */
final class NationalWebhook implements AutoCloseable {

    static final String PATH = "/c2c/notifications";
    /** The push channel's header with the gateway message id. */
    private static final String MESSAGE_ID = "C2C-Message-Id";

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    /** By gateway message id: completed with the first arrival's time; asked for before or after it arrives. */
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger repeats = new AtomicInteger();
    private final AtomicInteger arrived = new AtomicInteger();

    /** Listens on loopback with a development TLS identity the gateways' trust store accepts. */
    NationalWebhook(Path home) throws IOException {
        char[] password = "changeit".toCharArray();
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setHttpsConfigurator(new HttpsConfigurator(TlsMaterial.load(home.resolve("certs-dev/pki/bg/tls.p12"),
                password, home.resolve("certs-dev/pki/truststore.p12"), password).clientContext()));
        server.createContext(PATH, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "https://localhost:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            long now = System.nanoTime();
            String id = exchange.getRequestHeaders().getFirst(MESSAGE_ID);
            if (id == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (awaitArrival(id).complete(now)) {
                arrived.incrementAndGet();
            } else {
                repeats.incrementAndGet(); // the channel is at least once; a repeat is counted, not an arrival
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** When the notification first arrived ({@link System#nanoTime()}), or {@code null}. */
    Long arrival(String messageId) {
        CompletableFuture<Long> arrival = arrivals.get(messageId);
        return arrival == null ? null : arrival.getNow(null);
    }

    /** Completes when the notification first arrives, with that time ({@link System#nanoTime()}). */
    CompletableFuture<Long> awaitArrival(String messageId) {
        return arrivals.computeIfAbsent(messageId, id -> new CompletableFuture<>());
    }

    int arrived() {
        return arrived.get();
    }

    int repeats() {
        return repeats.get();
    }

    /** Forgets what arrived, between runs on the same gateways. */
    void reset() {
        arrivals.clear();
        arrived.set(0);
        repeats.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

}
