package org.c2cgateway.faults;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.demo.Demo;
import org.c2cgateway.app.demo.NationalSystemClient;

/**
 * MK's national system, on a thread of its own: it reads its inbox (pull channel, with its client
 * certificate) and acknowledges each notification, as a real one would, through every crash of the gateway.
 * It records what it sees: the order in which each movement's notifications first reached it, and every
 * notification offered again after its acknowledgement was answered 200, which is a duplicate as a national
 * system sees it. One offered again after an acknowledgement that got no answer is not: that is the
 * at-least-once the pull channel promises.
 */
final class NationalReceiver implements AutoCloseable {

    private final NationalSystemClient client;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    /** MRN to gateway message ids, in the order they were first offered. */
    private final Map<String, List<String>> firstSeen = new LinkedHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicInteger duplicates = new AtomicInteger();
    /** Reads of an empty inbox in a row: the inbox has been seen empty since the last notification. */
    final AtomicInteger emptyReads = new AtomicInteger();
    private volatile Throwable failure;

    NationalReceiver(int mkApiPort) {
        this.client = new NationalSystemClient(URI.create("https://localhost:" + mkApiPort),
                Demo.nationalSystemTls(GatewayProcess.HOME, "mk"), null, null);
        this.thread = new Thread(this::run, "mk-national-system");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running.get()) {
            try {
                List<InboxController.Item> items = client.inbox();
                if (items.isEmpty()) {
                    emptyReads.incrementAndGet();
                    Thread.sleep(20);
                    continue;
                }
                emptyReads.set(0);
                for (InboxController.Item item : items) {
                    take(item);
                }
            } catch (IOException gatewayDown) {
                pause();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                failure = e;
                return;
            }
        }
    }

    private void take(InboxController.Item item) throws IOException {
        String id = item.messageId();
        if (acknowledged.contains(id)) {
            duplicates.incrementAndGet();
            System.out.println("DUPLICATE offered again after its acknowledgement: " + id + " (MRN " + item.mrn() + ")");
        } else if (seen.add(id)) {
            synchronized (firstSeen) {
                firstSeen.computeIfAbsent(item.mrn(), mrn -> new ArrayList<>()).add(id);
            }
        }
        int status = client.acknowledge(id).status();
        if (status == 200) {
            acknowledged.add(id);
        } else if (status != 404) { // 404: acknowledged before, by a request whose answer was lost
            throw new IOException("acknowledging " + id + " answered HTTP " + status);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean hasSeen(String messageId) {
        return seen.contains(messageId);
    }

    Set<String> seenIds() {
        return Set.copyOf(seen);
    }

    int seenCount() {
        return seen.size();
    }

    /** For each MRN, the gateway message ids in the order the national system first got them. */
    Map<String, List<String>> deliveryOrder() {
        synchronized (firstSeen) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            firstSeen.forEach((mrn, ids) -> copy.put(mrn, List.copyOf(ids)));
            return copy;
        }
    }

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the national system's reader failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(10_000);
    }
}
