package org.c2cgateway.app.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.PayloadDigest;

/**
 * Appends to the audit log inside the trace store's transaction, so an entry exists exactly when the trace write
 * it vouches for committed: one INSERT per entry, the chain's head kept in memory.
 *
 * <p>Why chains per node, not one chain for the whole store: an entry's hash needs the previous entry's, so appends
 * on one chain are serial, each waiting until the one before has committed (or rolled back, which would leave the
 * next entry linked to nothing). One chain shared by every node would make all nodes take turns through a locked
 * head row, one commit at a time; 300 messages a second of ~8 steps each cannot pass that. So each node writes its
 * own chains, named by its node name in every entry, and within a node {@link AuditSettings#lanes()} chains
 * ("lanes") are lent out like connections: a transaction holds one from its append to its commit. The primary key
 * (node, lane, seq) is the guard: a second process under the same node name cannot fork a chain, its insert fails.
 */
@Singleton
public class AuditChain {

    private static final String INSERT = "INSERT INTO audit_entry (node, lane, seq, message_id, event, event_id, "
            + "occurred_at, detail, agreement_id, agreement_version, prev_hash, hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The partner's signed receipt of an outbound message, kept as evidence of delivery. */
    public static final String RECEIPT_KEPT = "RECEIPT_KEPT";
    /** The receipt this gateway answered an inbound message with. */
    public static final String RECEIPT_SENT = "RECEIPT_SENT";

    private final TransactionOperations<Connection> transactions;
    private final String node;
    private final BlockingQueue<Lane> free;
    /** The lane the current thread's transaction holds, so a transaction that appends twice keeps to one. */
    private final ThreadLocal<Lane> held = new ThreadLocal<>();

    public AuditChain(TransactionOperations<Connection> transactions, GatewayConfiguration gateway,
                      AuditSettings settings) {
        this.transactions = transactions;
        this.node = gateway.effectiveNodeName();
        this.free = new ArrayBlockingQueue<>(settings.lanes());
        for (int lane = 0; lane < settings.lanes(); lane++) {
            free.add(new Lane(lane));
        }
    }

    /** A trace step, as saved in trace_event: {@code eventId} is its row's id. */
    public void event(String messageId, String event, long eventId, Instant at, String detail, String agreementId,
                      Integer agreementVersion) {
        append(messageId, event, eventId, at, detail, agreementId, agreementVersion);
    }

    /** A message opened: its identifiers, payload size and hash, and the agreement that applied. */
    public void opened(MessageRecord r, Instant at) {
        append(r.messageId(), MessageFacts.OPENED, null, at, MessageFacts.opened(r.direction().name(), r.partner(),
                r.type(), r.mrn(), r.nationalMessageId(), r.conversationId(), r.payloadSize(), r.payloadSha256()),
                r.agreementId(), r.agreementVersion());
    }

    /** A receipt kept with the message: {@link #RECEIPT_KEPT} or {@link #RECEIPT_SENT}. */
    public void receipt(String messageId, String kind, String receipt) {
        append(messageId, kind, null, Instant.now(), MessageFacts.receipt(PayloadDigest.sha256Hex(
                receipt.getBytes(StandardCharsets.UTF_8))), null, null);
    }

    private void append(String messageId, String event, Long eventId, Instant at, String detail, String agreementId,
                        Integer agreementVersion) {
        TransactionStatus<?> transaction = transactions.findTransactionStatus().orElseThrow(() ->
                new IllegalStateException("an audit entry is appended in the transaction of the trace write"));
        Connection connection = transactions.getConnection();
        Lane lane = held.get();
        if (lane == null) {
            lane = borrow();
            held.set(lane);
            transaction.registerSynchronization(new GiveBack(lane));
        }
        try {
            lane.loadIfStale(connection, node);
            AuditEntry entry = AuditEntry.link(node, lane.number, lane.pendingSeq + 1, lane.pendingHash, messageId,
                    event, eventId, at, detail, agreementId, agreementVersion);
            insert(connection, entry);
            lane.pendingSeq = entry.seq();
            lane.pendingHash = entry.hash();
        } catch (SQLException e) {
            throw new IllegalStateException("appending to the audit log failed: " + e.getMessage(), e);
        }
    }

    private Lane borrow() {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for an audit chain", e);
        }
    }

    private static void insert(Connection connection, AuditEntry e) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, e.node());
            insert.setInt(2, e.lane());
            insert.setLong(3, e.seq());
            insert.setString(4, e.messageId());
            insert.setString(5, e.event());
            insert.setObject(6, e.eventId(), Types.BIGINT);
            insert.setObject(7, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
            insert.setString(8, e.detail());
            insert.setString(9, e.agreementId());
            insert.setObject(10, e.agreementVersion(), Types.INTEGER);
            insert.setString(11, e.prevHash());
            insert.setString(12, e.hash());
            insert.executeUpdate();
        }
    }

    /** A chain of this node: its committed head, and the head the holding transaction has appended up to. */
    private static final class Lane {
        final int number;
        boolean stale = true;
        long pendingSeq;
        String pendingHash;
        long committedSeq;
        String committedHash;

        Lane(int number) {
            this.number = number;
        }

        /** After a start or a rollback the head is read again: another process may have written under this name. */
        void loadIfStale(Connection connection, String node) throws SQLException {
            if (!stale) {
                return;
            }
            ChainHead head = ChainHead.read(connection, node, number);
            committedSeq = head.seq();
            committedHash = head.hash();
            pendingSeq = committedSeq;
            pendingHash = committedHash;
            stale = false;
        }
    }

    /** Returns the lane when the transaction ends: with the new head if it committed, to be re-read if not. */
    private final class GiveBack implements TransactionSynchronization {
        private final Lane lane;

        GiveBack(Lane lane) {
            this.lane = lane;
        }

        @Override
        public void afterCompletion(Status status) {
            if (status == Status.COMMITTED && !lane.stale) {
                lane.committedSeq = lane.pendingSeq;
                lane.committedHash = lane.pendingHash;
            } else {
                lane.stale = true;
            }
            lane.pendingSeq = lane.committedSeq;
            lane.pendingHash = lane.committedHash;
            held.remove();
            free.add(lane);
        }
    }
}
