package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.config.GroupCommitConfiguration;
import org.c2cgateway.app.trace.GroupCommit;
import org.c2cgateway.app.config.InboundConfiguration;
import org.c2cgateway.app.config.TraceRetentionConfiguration;
import org.c2cgateway.app.trace.TraceRetention;
import org.c2cgateway.app.trace.TracedEvent;
import org.c2cgateway.app.trace.TracedEventRepository;
import org.c2cgateway.app.trace.TracedMessageRepository;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.MessageRef;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.ReceivedMessage;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceStep;
import org.c2cgateway.trace.TraceRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the engine relies on from its trace store, run against each database a gateway may be configured with
 * (H2 embedded, PostgreSQL): a subclass per database gives the datasource settings, and one gateway runs on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TraceStoreContract {

    protected ApplicationContext gateway;
    protected TraceRecorder trace;
    private Path data;

    /** The datasource settings of the database under test. */
    protected abstract Map<String, Object> database();

    @BeforeAll
    void startGateway() throws Exception {
        data = Files.createTempDirectory("trace-store");
        Map<String, Object> settings = new HashMap<>(database());
        settings.put("c2c.trace.retention.enabled", false); // the tests run it
        gateway = TwoGateways.start("mk", TwoGateways.freePort(), TwoGateways.freePort(), data, settings);
        trace = gateway.getBean(TraceRecorder.class);
    }

    @AfterAll
    void stopGateway() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void a_message_id_is_opened_once() {
        MessageRecord record = inbound(newId());
        assertTrue(trace.open(record));
        assertFalse(trace.open(record), "a duplicate id");
        assertEquals(MessageStatus.ACCEPTED, trace.status(record.messageId()));
    }

    @Test
    void a_national_message_id_is_accepted_once_per_partner() {
        String national = "NAT-" + UUID.randomUUID();
        String toMk = newId();
        String toBg = newId();
        assertTrue(trace.open(outbound(toMk, national, "MK")));
        assertFalse(trace.open(outbound(newId(), national, "MK")), "the same national message id for the same partner");
        assertTrue(trace.open(outbound(toBg, national, "BG")));

        List<MessageRef> refs = trace.findOutboundByNationalMessageId(national);
        assertEquals(List.of("BG", "MK"), refs.stream().map(MessageRef::partner).toList());
        assertEquals(List.of(toBg, toMk), refs.stream().map(MessageRef::messageId).toList());
        assertTrue(trace.findOutboundByNationalMessageId("NAT-never-" + UUID.randomUUID()).isEmpty());
    }

    @Test
    void events_make_the_timeline_and_move_the_status_never_back() {
        String id = newId();
        trace.open(outbound(id, "NAT-" + UUID.randomUUID(), "MK"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_000);
        trace.event(id, TraceEvent.RECEIVED, t, "from the national system");
        trace.event(id, TraceEvent.QUEUED, t.plusSeconds(1), null);
        trace.event(id, TraceEvent.RECEIPT_VERIFIED, t.plusSeconds(3), "receipt");
        trace.event(id, TraceEvent.SENT, t.plusSeconds(2), "late, on another node");

        assertEquals(MessageStatus.DELIVERED_TO_PARTNER, trace.status(id));
        List<TracedEvent> timeline = gateway.getBean(TracedEventRepository.class).timeline(id);
        assertEquals(List.of("RECEIVED", "QUEUED", "SENT", "RECEIPT_VERIFIED"), timeline.stream().map(TracedEvent::event).toList());
        assertEquals(t, timeline.get(0).occurredAt(), "microseconds kept");
        assertEquals("AB-CD", timeline.get(0).agreementId());
        assertEquals(3, timeline.get(0).agreementVersion());
    }

    @Test
    void a_message_opened_with_its_first_steps_is_one_commit_and_a_lost_race_leaves_no_step() {
        String national = "NAT-" + UUID.randomUUID();
        String id = newId();
        assertTrue(trace.open(outbound(id, national, "MK"), steps(Instant.now())));

        List<TracedEvent> timeline = gateway.getBean(TracedEventRepository.class).timeline(id);
        assertEquals(List.of("RECEIVED", "VALIDATED", "AGREEMENT_APPLIED"), timeline.stream().map(TracedEvent::event).toList());
        List<long[]> steps = auditEntries(id);
        assertEquals(3, steps.size(), "each step vouched for in the audit log");
        assertEquals(1, steps.stream().mapToLong(e -> e[0]).distinct().count(), "the opening's transaction, so one lane");
        assertEquals(steps.get(0)[1] + 2, steps.get(2)[1], "one after another in their chain");
        assertEquals(MessageStatus.ACCEPTED, trace.status(id));

        String loser = newId();
        assertFalse(trace.open(outbound(loser, national, "MK"), steps(Instant.now())), "the same national message id");
        assertTrue(gateway.getBean(TracedEventRepository.class).timeline(loser).isEmpty(), "no step of the loser");
    }

    private static List<TraceStep> steps(Instant t) {
        return List.of(new TraceStep(TraceEvent.RECEIVED, t, "from the national system"),
                new TraceStep(TraceEvent.VALIDATED, t.plusMillis(1), "schema v1"),
                new TraceStep(TraceEvent.AGREEMENT_APPLIED, t.plusMillis(2), "AB-CD v3"));
    }

    /** The audit entries of the message's steps (not its opening) as (lane, seq), in the order they were written. */
    private List<long[]> auditEntries(String messageId) {
        return auditEntries(messageId, "event_id IS NOT NULL");
    }

    /** The message's audit entries that meet {@code condition}, as (lane, seq). */
    @SuppressWarnings("unchecked")
    private List<long[]> auditEntries(String messageId, String condition) {
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions =
                gateway.getBean(io.micronaut.transaction.TransactionOperations.class);
        return transactions.executeRead(status -> {
            try (java.sql.PreparedStatement query = status.getConnection().prepareStatement(
                    "SELECT lane, seq FROM audit_entry WHERE message_id = ? AND " + condition + " ORDER BY event_id, seq")) {
                query.setString(1, messageId);
                List<long[]> entries = new java.util.ArrayList<>();
                try (java.sql.ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        entries.add(new long[] {row.getLong(1), row.getLong(2)});
                    }
                }
                return entries;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void the_partners_receipt_is_kept_as_evidence() {
        String id = newId();
        trace.open(outbound(id, null, "MK"));
        String receipt = "<eb:Receipt>" + "x".repeat(200_000) + " ünïcødé</eb:Receipt>";
        trace.receipt(id, receipt.getBytes(StandardCharsets.UTF_8));
        assertEquals(receipt, gateway.getBean(TracedMessageRepository.class).findById(id).orElseThrow().receipt());
    }

    @Test
    void a_receipt_and_the_step_it_makes_are_one_commit() {
        String id = newId();
        trace.open(outbound(id, null, "MK"));
        trace.event(id, TraceEvent.SENT, Instant.now(), "to MK");
        trace.receipt(id, "<eb:Receipt/>".getBytes(StandardCharsets.UTF_8),
                List.of(new TraceStep(TraceEvent.RECEIPT_VERIFIED, Instant.now(), "receipt r-1 signed by MK")));

        assertEquals(MessageStatus.DELIVERED_TO_PARTNER, trace.status(id));
        assertEquals("<eb:Receipt/>", gateway.getBean(TracedMessageRepository.class).findById(id).orElseThrow().receipt());
        List<long[]> steps = auditEntries(id);
        List<long[]> receipt = auditEntries(id, "event = 'RECEIPT_KEPT'");
        assertEquals(2, steps.size(), "SENT, RECEIPT_VERIFIED");
        assertEquals(1, receipt.size());
        assertEquals(receipt.get(0)[0], steps.get(1)[0], "the receipt and its step in one transaction, so on one lane");
        assertEquals(receipt.get(0)[1] + 1, steps.get(1)[1], "one after the other");
    }

    @Test
    void the_first_receipt_sent_for_an_inbound_message_stays() {
        String id = newId();
        trace.open(inbound(id));
        byte[] first = "<first/>".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(first, trace.keepSentReceipt(id, first));
        assertArrayEquals(first, trace.keepSentReceipt(id, "<second/>".getBytes(StandardCharsets.UTF_8)));

        ReceivedMessage received = trace.findInbound(id).orElseThrow();
        assertEquals(MessageStatus.ACCEPTED, received.status());
        assertArrayEquals(first, received.sentReceipt());
    }

    @Test
    void find_inbound_knows_only_inbound_messages() {
        String outboundId = newId();
        trace.open(outbound(outboundId, null, "MK"));
        assertTrue(trace.findInbound(outboundId).isEmpty());
        assertTrue(trace.findInbound(newId()).isEmpty());
        assertEquals(null, trace.status(newId()));
    }

    /**
     * Two steps of one message traced at the same moment on two threads (the inbound route's QUEUED and the national
     * delivery's DELIVERED, which can overtake it) must leave the further status, whichever commits last: the store
     * changes a message's status one step at a time (the row lock of {@code lockById}). Without it, a national
     * delivery test waited in vain, now and then, for a DELIVERED that a late QUEUED had overwritten.
     */
    @Test
    void concurrent_steps_of_one_message_never_move_its_status_back() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 100; round++) {
                String id = newId();
                assertTrue(trace.open(inbound(id)));
                CountDownLatch start = new CountDownLatch(1);
                Future<?> queued = threads.submit(() -> step(start, id, TraceEvent.QUEUED));
                Future<?> delivered = threads.submit(() -> step(start, id, TraceEvent.DELIVERED));
                start.countDown();
                queued.get();
                delivered.get();
                assertEquals(MessageStatus.DELIVERED, trace.status(id), "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The writes that wait while the writers are busy share a transaction: with every writer held, 20 threads each
     * open a message; released, the 20 commit in at most one transaction per writer, and each caller returns only
     * once its message is there for any other connection to read.
     */
    @Test
    void writes_waiting_together_commit_together_and_each_returns_committed() throws Exception {
        GroupCommit writes = gateway.getBean(GroupCommit.class);
        int writers = gateway.getBean(GroupCommitConfiguration.class).writers();
        try (HeldWriters held = HeldWriters.hold(gateway)) {
            List<Future<Object>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = newId();
                opened.add(held.threads.submit(() -> {
                    Object[] transaction = new Object[1];
                    writes.write(() -> {
                        transaction[0] = gateway.getBean(TransactionOperations.class).findTransactionStatus().orElseThrow();
                        return trace.open(inbound(id));
                    });
                    assertEquals(MessageStatus.ACCEPTED, trace.status(id), "committed on return, read on another connection");
                    return transaction[0];
                }));
            }
            Await.until("20 writes waiting", Duration.ofSeconds(10), () -> java.util.Optional.of(writes.waiting()).filter(n -> n == 20));
            held.release();
            java.util.Set<Object> transactions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Future<Object> open : opened) {
                transactions.add(open.get());
            }
            assertTrue(transactions.size() <= writers, transactions.size() + " transactions for 20 writes");
        }
    }

    /** A write that fails in a shared transaction fails alone: the others run again, each in one of its own. */
    @Test
    void a_failing_write_fails_alone_and_leaves_nothing() throws Exception {
        GroupCommit writes = gateway.getBean(GroupCommit.class);
        try (HeldWriters held = HeldWriters.hold(gateway)) {
            List<String> ids = List.of(newId(), newId(), newId(), newId(), newId());
            String failing = ids.get(2);
            List<Future<Boolean>> opened = ids.stream().map(id -> held.threads.submit(() -> writes.write(() -> {
                boolean open = trace.open(inbound(id));
                if (id.equals(failing)) {
                    throw new IllegalArgumentException("refused after its insert");
                }
                return open;
            }))).toList();
            Await.until("the writes waiting", Duration.ofSeconds(10), () -> java.util.Optional.of(writes.waiting()).filter(n -> n == ids.size()));
            held.release();
            for (int i = 0; i < ids.size(); i++) {
                if (i == 2) {
                    Future<Boolean> refused = opened.get(i);
                    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                            refused::get);
                    assertEquals("refused after its insert", e.getCause().getMessage());
                    assertEquals(null, trace.status(failing), "the failing write's insert rolled back");
                } else {
                    assertTrue(opened.get(i).get(), ids.get(i));
                    assertEquals(MessageStatus.ACCEPTED, trace.status(ids.get(i)));
                }
            }
        }
    }

    /**
     * Every writer of the gateway's group commit busy with a write that waits for {@link #release}, so that the writes
     * made meanwhile (on {@link #threads}) queue up.
     */
    private static final class HeldWriters implements AutoCloseable {
        final ExecutorService threads = Executors.newCachedThreadPool();
        private final CountDownLatch released = new CountDownLatch(1);

        /**
         * One holding write at a time, each running before the next is made: two made at once could fall in one
         * batch, where the second would wait behind the first instead of holding a writer of its own.
         */
        static HeldWriters hold(ApplicationContext gateway) throws InterruptedException {
            GroupCommit writes = gateway.getBean(GroupCommit.class);
            int writers = gateway.getBean(GroupCommitConfiguration.class).writers();
            HeldWriters held = new HeldWriters();
            for (int i = 0; i < writers; i++) {
                CountDownLatch holding = new CountDownLatch(1);
                held.threads.submit(() -> writes.write(() -> {
                    holding.countDown();
                    try {
                        return held.released.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
                if (!holding.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("writer " + (i + 1) + " of " + writers + " was not held");
                }
            }
            return held;
        }

        void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
            threads.shutdownNow();
        }
    }

    @Test
    void retention_archives_old_final_messages_with_their_rows_and_keeps_every_other() throws Exception {
        Instant old = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MILLIS); // within both databases' precision
        String national = "NAT-" + UUID.randomUUID();
        String deliveredToPartner = aged(outbound(newId(), national, "MK"), MessageStatus.DELIVERED_TO_PARTNER, old);
        String acknowledged = aged(inbound(newId()), MessageStatus.ACKNOWLEDGED, old);
        List<String> kept = List.of(aged(outbound(newId(), null, "MK"), MessageStatus.QUEUED, old),
                aged(outbound(newId(), null, "MK"), MessageStatus.SENDING, old),
                aged(outbound(newId(), null, "MK"), MessageStatus.FAILED, old),
                aged(inbound(newId()), MessageStatus.AWAITING_NATIONAL_SYSTEM, old),
                aged(inbound(newId()), MessageStatus.UNDELIVERABLE, old),
                aged(inbound(newId()), MessageStatus.DELIVERED, Instant.now().minus(Duration.ofDays(300))));

        TraceRetention.Outcome outcome = gateway.getBean(TraceRetention.class)
                .removeOlderThan(Instant.now().minus(Duration.ofDays(365)));

        assertEquals(2, outcome.removed());
        TracedMessageRepository messages = gateway.getBean(TracedMessageRepository.class);
        TracedEventRepository events = gateway.getBean(TracedEventRepository.class);
        for (String gone : List.of(deliveredToPartner, acknowledged)) {
            assertFalse(messages.existsById(gone), gone);
            assertTrue(events.timeline(gone).isEmpty(), "its events go with it");
        }
        assertTrue(trace.findOutboundByNationalMessageId(national).isEmpty(), "its national message id row goes with it");
        for (String stays : kept) {
            assertTrue(messages.existsById(stays), stays);
            assertEquals(1, events.timeline(stays).size());
        }

        assertEquals(1, outcome.archives().size());
        Map<String, Map<String, Object>> archived = new HashMap<>();
        JsonMapper json = gateway.getBean(JsonMapper.class);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(outcome.archives().get(0))), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Map<String, Object> entry = json.readValue(line, Argument.mapOf(String.class, Object.class));
                @SuppressWarnings("unchecked")
                Map<String, Object> message = (Map<String, Object>) entry.get("message");
                archived.put((String) message.get("message_id"), entry);
            }
        }
        assertEquals(java.util.Set.of(deliveredToPartner, acknowledged), archived.keySet());
        Map<String, Object> entry = archived.get(deliveredToPartner);
        assertEquals("DELIVERED_TO_PARTNER", ((Map<?, ?>) entry.get("message")).get("status"));
        assertEquals(old.toString(), ((Map<?, ?>) entry.get("message")).get("updated_at"));
        assertEquals("RECEIVED", ((Map<?, ?>) ((List<?>) entry.get("trace_event")).get(0)).get("event"));
        assertEquals(national, ((Map<?, ?>) ((List<?>) entry.get("outbound_delivery")).get(0)).get("national_message_id"));
        assertEquals(List.of(), archived.get(acknowledged).get("outbound_delivery"));
    }

    @Test
    void retention_in_delete_mode_writes_no_archive() {
        String old = aged(inbound(newId()), MessageStatus.REJECTED, Instant.now().minus(Duration.ofDays(800)));
        TraceRetention deleting = new TraceRetention(gateway.getBean(TransactionOperations.class),
                gateway.getBean(TraceRetentionConfiguration.class).inMode(TraceRetentionConfiguration.Mode.DELETE),
                gateway.getBean(GatewayConfiguration.class), gateway.getBean(InboundConfiguration.class),
                gateway.getBean(TaskScheduler.class, Qualifiers.byName(TaskExecutors.SCHEDULED)));

        TraceRetention.Outcome outcome = deleting.removeOlderThan(Instant.now().minus(Duration.ofDays(700)));

        assertEquals(1, outcome.removed());
        assertEquals(List.of(), outcome.archives());
        assertFalse(gateway.getBean(TracedMessageRepository.class).existsById(old));
    }

    @Test
    void a_retention_within_the_duplicate_window_is_refused() {
        TraceRetentionConfiguration settings = gateway.getBean(TraceRetentionConfiguration.class);
        InboundConfiguration inbound = gateway.getBean(InboundConfiguration.class);
        TraceRetentionConfiguration tooShort = new TraceRetentionConfiguration(true, inbound.duplicateWindow(),
                settings.mode(), settings.archiveDirectory(), settings.interval(), settings.initialDelay(),
                settings.batchSize(), settings.maxBatches());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TraceRetention(gateway.getBean(TransactionOperations.class), tooShort,
                        gateway.getBean(GatewayConfiguration.class), inbound,
                        gateway.getBean(TaskScheduler.class, Qualifiers.byName(TaskExecutors.SCHEDULED))));
        assertTrue(refused.getMessage().contains("c2c.inbound.duplicate-window"), refused.getMessage());
    }

    /** A message with one event, in this status since {@code since}. */
    private String aged(MessageRecord record, MessageStatus status, Instant since) {
        assertTrue(trace.open(record));
        trace.event(record.messageId(), record.direction() == Direction.OUTBOUND ? TraceEvent.RECEIVED
                : TraceEvent.RECEIVED_FROM_PARTNER, since, "long ago");
        gateway.getBean(TracedMessageRepository.class).updateStatusAndUpdatedAt(record.messageId(), status.name(), since);
        return record.messageId();
    }

    private Void step(CountDownLatch start, String id, TraceEvent event) throws InterruptedException {
        start.await();
        trace.event(id, event, Instant.now(), "race");
        return null;
    }

    static String newId() {
        return UUID.randomUUID() + "@contract.test";
    }

    static MessageRecord inbound(String id) {
        return new MessageRecord(id, null, "26RS0110T0000452M5", "26RS0110T0000452M5", "PreArrivalNotification",
                Direction.INBOUND, "RS", 1, "00", "AB-CD", 3);
    }

    static MessageRecord outbound(String id, String nationalMessageId, String partner) {
        return new MessageRecord(id, nationalMessageId, "26RS0110T0000452M5", "26RS0110T0000452M5",
                "PreArrivalNotification", Direction.OUTBOUND, partner, 1, "00", "AB-CD", 3);
    }
}
