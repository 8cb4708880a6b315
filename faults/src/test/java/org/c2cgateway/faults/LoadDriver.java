package org.c2cgateway.faults;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Demo;
import org.c2cgateway.app.demo.NationalSystemClient;

/**
 * RS's national system submitting the suite's movements over the REST API (with its client certificate), in
 * rounds: the first notification of every movement, then the second of every movement, and so on, several
 * movements at a time. A movement's next notification is submitted only once the previous one is accepted,
 * which is the submission order the receiving side must keep. A submission that gets no answer (the
 * gateway is down, or was killed before answering) is submitted again, unchanged, until it is answered:
 * 202 for a new notification, or 200 with the original gateway message id when the first attempt had been
 * accepted after all.
 */
final class LoadDriver {

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final NationalSystemClient client;
    private final int threads;
    private final long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    /** National message id to gateway message id. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    final AtomicInteger answered = new AtomicInteger();
    /** Submissions repeated because the previous attempt got no answer. */
    final AtomicInteger resubmitted = new AtomicInteger();
    /** Repeated submissions the gateway recognised, answering 200 with the original id. */
    final AtomicInteger answeredAsDuplicate = new AtomicInteger();

    /**
     * @param perSecond the pace of new submissions, as a national system spreads its traffic; 0 for as fast as
     *                  the gateway answers
     */
    LoadDriver(int rsApiPort, int threads, int perSecond) {
        this.client = new NationalSystemClient(URI.create("https://localhost:" + rsApiPort),
                Demo.nationalSystemTls(GatewayProcess.HOME, "rs"), null, null);
        this.threads = threads;
        this.intervalNanos = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
    }

    /** Submits every movement's notifications, round by round; returns when all are accepted. */
    void submitAll(List<List<Movements.Notification>> movements) throws Exception {
        int rounds = movements.stream().mapToInt(List::size).max().orElse(0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                List<Future<?>> submissions = new ArrayList<>();
                for (List<Movements.Notification> movement : movements) {
                    if (round < movement.size()) {
                        Movements.Notification notification = movement.get(round);
                        submissions.add(pool.submit(() -> {
                            submit(notification);
                            return null;
                        }));
                    }
                }
                for (Future<?> submission : submissions) {
                    submission.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Submits one notification until it is answered; returns its gateway message id. */
    String submit(Movements.Notification notification) throws Exception {
        if (intervalNanos > 0) {
            long slot = nextSlot.getAndAccumulate(intervalNanos, (next, interval) -> Math.max(next, System.nanoTime()) + interval);
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        boolean repeated = false;
        while (true) {
            try {
                NationalSystemClient.Response response = client.submit(notification.xml());
                if (response.status() == 202 || response.status() == 200) {
                    String id = client.read(response, SubmissionAccepted.class).messageId();
                    if (response.status() == 200) {
                        answeredAsDuplicate.incrementAndGet();
                    }
                    String earlier = accepted.putIfAbsent(notification.nationalMessageId(), id);
                    if (earlier != null && !earlier.equals(id)) {
                        throw new IllegalStateException(notification.nationalMessageId() + " was accepted as " + earlier
                                + " and then as " + id);
                    }
                    answered.incrementAndGet();
                    return id;
                }
                if (response.status() < 500) {
                    throw new IllegalStateException(notification.nationalMessageId() + " refused with HTTP "
                            + response.status() + ": " + response.text());
                }
            } catch (IOException noAnswer) {
                // the gateway is down or was killed mid-request: the same submission again, below
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(notification.nationalMessageId() + " not accepted within " + GIVE_UP);
            }
            if (!repeated) {
                repeated = true;
                resubmitted.incrementAndGet();
            }
            Thread.sleep(100); // a real client's pause before it tries again; correctness does not depend on it
        }
    }
}
