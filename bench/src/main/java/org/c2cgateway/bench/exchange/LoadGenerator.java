package org.c2cgateway.bench.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

/**
 * RS's national system under load: submits notifications to RS's REST API over mutual TLS, on kept-alive
 * connections, and notes for each when it was meant to go, when it went and what RS answered.
 * <ul>
 *   <li>closed loop: C submitters, each sending its next notification when the previous one has reached the
 *       receiving national system (not merely been accepted: a loop closed on acceptance only measures how fast a
 *       backlog builds up in the sending gateway);</li>
 *   <li>open loop: one notification every 1/rate seconds whatever the answers, sent asynchronously, so a slow
 *       answer delays no later send and latency counts from the intended time (no coordinated omission).</li>
 * </ul>
 */
final class LoadGenerator {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(120);

    /** One submission: {@code messageId} is RS's gateway message id when accepted, else {@code error} says why. */
    record Submission(int n, long intendedNanos, long answeredNanos, String messageId, String error) {
        boolean accepted() {
            return messageId != null;
        }
    }

    private final URI submissions;
    private final HttpClient http;

    LoadGenerator(URI rsBase, SSLContext nationalSystem) {
        this.submissions = rsBase.resolve("/api/v1/notifications");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(nationalSystem)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Notifications {@code first} to {@code first + count - 1} of {@code traffic}, by {@code concurrency} submitters,
     * each waiting for its notification to reach {@code receiver} (at most {@link #ARRIVAL_TIMEOUT}; a notification
     * that does not is an error of the run, found by the arrivals, and the submitter goes on). With no
     * {@code receiver}, each waits for RS's answer only.
     */
    List<Submission> closed(Traffic traffic, int first, int count, int concurrency, NationalWebhook receiver) throws Exception {
        AtomicInteger next = new AtomicInteger(first);
        List<Submission> done = java.util.Collections.synchronizedList(new ArrayList<>(count));
        ExecutorService submitters = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(submitters.submit(() -> {
                    for (int n = next.getAndIncrement(); n < first + count; n = next.getAndIncrement()) {
                        byte[] body = traffic.notification(n);
                        long sent = System.nanoTime();
                        Submission submission = answer(n, sent, send(body).handle(LoadGenerator::outcome).join());
                        done.add(submission);
                        if (submission.accepted() && receiver != null) {
                            try {
                                receiver.awaitArrival(submission.messageId()).get(ARRIVAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                            } catch (TimeoutException notArrived) {
                                // counted as an error by the arrivals; the next notification goes
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> submitter : running) {
                submitter.get();
            }
        } finally {
            submitters.shutdownNow();
        }
        return done;
    }

    /** The same at a fixed offered rate: notification i is due at start + i / rate, answered or not. */
    List<Submission> open(Traffic traffic, int first, int count, double perSecond) {
        long interval = (long) (1e9 / perSecond);
        List<CompletableFuture<Submission>> pending = new ArrayList<>(count);
        long start = System.nanoTime() + 10_000_000;
        for (int i = 0; i < count; i++) {
            int n = first + i;
            byte[] body = traffic.notification(n);
            long intended = start + i * interval;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            pending.add(send(body).handle((response, failure) -> answer(n, intended, outcome(response, failure))));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<HttpResponse<String>> send(byte[] body) {
        return http.sendAsync(HttpRequest.newBuilder(submissions).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The message id of an acceptance, or the reason there is none (prefixed with "!"). */
    private static String outcome(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            return "!" + failure;
        }
        if (response.statusCode() != 202) {
            return "!HTTP " + response.statusCode() + ": " + response.body();
        }
        Matcher id = MESSAGE_ID.matcher(response.body());
        return id.find() ? id.group(1) : "!no messageId in " + response.body();
    }

    private static Submission answer(int n, long intended, String outcome) {
        long answered = System.nanoTime();
        return outcome.startsWith("!") ? new Submission(n, intended, answered, null, outcome.substring(1))
                : new Submission(n, intended, answered, outcome, null);
    }
}
