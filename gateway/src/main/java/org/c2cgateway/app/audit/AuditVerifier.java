package org.c2cgateway.app.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.c2cgateway.trace.PayloadDigest;

/**
 * Walks every chain from its first entry to its head, streaming (a store holds millions of entries): each entry's
 * place, its link to the entry before, its own hash, and its trace row (a trace_event row or trace_message row
 * changed behind the gateway's back no longer matches the entry that vouched for it); each checkpoint's signature,
 * signer and hash on the way. Stops at the first broken link.
 */
public final class AuditVerifier {

    private static final int FETCH = 1000;
    /** The databases round a nanosecond time to the microsecond where the entry truncates it: at most 1 µs apart. */
    private static final Duration CLOCK_GRAIN = Duration.ofNanos(1000);
    private static final String ENTRIES = "SELECT a.node, a.lane, a.seq, a.message_id, a.event, a.event_id, "
            + "a.occurred_at, a.detail, a.agreement_id, a.agreement_version, a.prev_hash, a.hash, "
            + "e.id, e.message_id, e.event, e.occurred_at, e.node, e.detail, e.agreement_id, e.agreement_version, "
            + "m.message_id, m.direction, m.partner, m.type, m.mrn, m.national_message_id, m.payload_size, "
            + "m.payload_sha256, m.agreement_id, m.agreement_version, m.created_at, "
            + "CASE WHEN a.event IN ('" + AuditChain.RECEIPT_KEPT + "', '" + AuditChain.RECEIPT_SENT + "') "
            + "THEN m.receipt END, m.conversation_id "
            + "FROM audit_entry a LEFT JOIN trace_event e ON e.id = a.event_id "
            + "LEFT JOIN trace_message m ON m.message_id = a.message_id ORDER BY a.node, a.lane, a.seq";
    private static final String CHECKPOINTS = "SELECT node, lane, seq, hash, signed_at, signed_by, algorithm, "
            + "signature, certificates FROM audit_checkpoint WHERE node = ? AND lane = ? ORDER BY seq, id";
    private static final String ORPHAN_CHECKPOINTS = "SELECT c.node, c.lane, c.seq FROM audit_checkpoint c "
            + "WHERE NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.node = c.node AND a.lane = c.lane) "
            + "ORDER BY c.node, c.lane, c.seq";
    private static final String UNAUDITED_EVENTS = "SELECT e.id, e.message_id, e.event, e.node FROM trace_event e "
            + "WHERE e.id > (SELECT MIN(event_id) FROM audit_entry) "
            + "AND NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.event_id = e.id) ORDER BY e.id";
    private static final String PREDATING_EVENTS = "SELECT COUNT(*) FROM trace_event "
            + "WHERE id < (SELECT MIN(event_id) FROM audit_entry)";

    private final SignerTrust trust;

    public AuditVerifier(SignerTrust trust) {
        this.trust = trust;
    }

    /** Verifies the audit log the connection sees; reads only. */
    public AuditVerdict verify(Connection connection) throws SQLException {
        Walk walk = new Walk(connection);
        AuditVerdict.BrokenLink broken = walk.entries();
        if (broken == null) {
            broken = orphanCheckpoints(connection);
        }
        if (broken == null) {
            broken = unauditedEvent(connection);
        }
        return new AuditVerdict(broken == null, walk.entries, walk.chains, walk.checkpoints, walk.lastCheckpoint,
                walk.uncovered, walk.pruned, broken == null ? predating(connection) : 0, broken);
    }

    /** The state of the walk through the chains, in (node, lane, seq) order. */
    private final class Walk {
        private final Connection connection;
        long entries;
        long chains;
        long checkpoints;
        long uncovered;
        long pruned;
        Instant lastCheckpoint;
        private String node;
        private int lane = -1;
        private long expectedSeq;
        private String prevHash;
        private List<Checkpoint> pending = List.of();
        private int nextCheckpoint;
        private long lastCheckpointSeq;

        Walk(Connection connection) {
            this.connection = connection;
        }

        AuditVerdict.BrokenLink entries() throws SQLException {
            try (PreparedStatement query = streaming(connection, ENTRIES); ResultSet rows = query.executeQuery()) {
                AuditEntry last = null;
                while (rows.next()) {
                    AuditEntry entry = entry(rows);
                    if (!entry.node().equals(node) || entry.lane() != lane) {
                        AuditVerdict.BrokenLink broken = endOfChain(last);
                        if (broken != null) {
                            return broken;
                        }
                        startChain(entry.node(), entry.lane());
                    }
                    AuditVerdict.BrokenLink broken = link(entry);
                    if (broken == null) {
                        broken = traceRow(entry, rows);
                    }
                    if (broken == null) {
                        broken = checkpointsAt(entry);
                    }
                    if (broken != null) {
                        return broken;
                    }
                    entries++;
                    expectedSeq++;
                    prevHash = entry.hash();
                    last = entry;
                }
                return endOfChain(last);
            }
        }

        private void startChain(String chainNode, int chainLane) throws SQLException {
            node = chainNode;
            lane = chainLane;
            chains++;
            expectedSeq = 1;
            prevHash = AuditEntry.GENESIS;
            pending = checkpoints(chainNode, chainLane);
            nextCheckpoint = 0;
            lastCheckpointSeq = 0;
        }

        private AuditVerdict.BrokenLink link(AuditEntry e) {
            if (e.seq() > expectedSeq) {
                return broken(e.node(), e.lane(), expectedSeq, null, null, "entries " + range(expectedSeq, e.seq() - 1)
                        + " missing: entry " + e.seq() + " (message " + e.messageId() + ", " + e.event()
                        + ") follows entry " + (expectedSeq - 1));
            }
            if (!e.prevHash().equals(prevHash)) {
                return broken(e, "previous hash link broken: the entry names " + e.prevHash() + ", entry "
                        + (e.seq() - 1) + " hashes to " + prevHash);
            }
            String computed = e.computeHash();
            if (!computed.equals(e.hash())) {
                return broken(e, "hash of entry " + e.seq() + " differs: stored " + e.hash() + ", its fields hash to "
                        + computed);
            }
            return null;
        }

        /** The trace row the entry vouches for must still say what the entry says, unless retention removed it. */
        private AuditVerdict.BrokenLink traceRow(AuditEntry a, ResultSet row) throws SQLException {
            boolean messageKept = row.getString(21) != null;
            if (a.eventId() != null) {
                if (row.getObject(13) == null) {
                    return countPruned(messageKept, a, "trace_event row " + a.eventId() + " was deleted");
                }
                List<String> differ = new ArrayList<>();
                compare(differ, "message_id", a.messageId(), row.getString(14));
                compare(differ, "event", a.event(), row.getString(15));
                Instant at = row.getObject(16, OffsetDateTime.class).toInstant();
                if (Duration.between(a.occurredAt(), at).abs().compareTo(CLOCK_GRAIN) > 0) {
                    differ.add("occurred_at (" + at + ", audited " + a.occurredAt() + ")");
                }
                compare(differ, "node", a.node(), row.getString(17));
                compare(differ, "detail", a.detail(), row.getString(18));
                compare(differ, "agreement_id", a.agreementId(), row.getString(19));
                compare(differ, "agreement_version", a.agreementVersion(), (Integer) row.getObject(20, Integer.class));
                return differ.isEmpty() ? null : broken(a, "trace_event row " + a.eventId()
                        + " differs from its audit entry: " + String.join(", ", differ));
            }
            if (!messageKept) {
                return countPruned(false, a, null);
            }
            if (a.event().equals(MessageFacts.OPENED)) {
                List<String> differ = new ArrayList<>();
                compare(differ, "message", a.detail(), MessageFacts.opened(row.getString(22), row.getString(23),
                        row.getString(24), row.getString(25), row.getString(26), row.getString(33), row.getLong(27),
                        row.getString(28)));
                compare(differ, "agreement_id", a.agreementId(), row.getString(29));
                compare(differ, "agreement_version", a.agreementVersion(), (Integer) row.getObject(30, Integer.class));
                return differ.isEmpty() ? null : broken(a, "trace_message row differs from its audit entry: "
                        + String.join(", ", differ));
            }
            String receipt = row.getString(32);
            String kept = receipt == null ? "none" : MessageFacts.receipt(PayloadDigest.sha256Hex(
                    receipt.getBytes(StandardCharsets.UTF_8)));
            return kept.equals(a.detail()) ? null : broken(a, "the receipt kept in trace_message differs from the "
                    + "audited one: " + kept + ", audited " + a.detail());
        }

        private AuditVerdict.BrokenLink countPruned(boolean messageKept, AuditEntry a, String problem) {
            if (messageKept) {
                return broken(a, problem);
            }
            pruned++;
            return null;
        }

        private AuditVerdict.BrokenLink checkpointsAt(AuditEntry e) {
            while (nextCheckpoint < pending.size() && pending.get(nextCheckpoint).seq() <= e.seq()) {
                Checkpoint c = pending.get(nextCheckpoint++);
                String where = "checkpoint of entry " + c.seq() + " signed at " + c.signedAt() + " by " + c.signedBy();
                if (!c.signatureValid()) {
                    return broken(e, where + ": checkpoint signature invalid");
                }
                var refusal = trust.refusal(c.signerChain(), c.signedAt());
                if (refusal.isPresent()) {
                    return broken(e, where + ": checkpoint signer not trusted: " + refusal.get());
                }
                if (!c.hash().equals(e.hash())) {
                    return broken(e, where + ": the chain differs from the signed head (signed " + c.hash()
                            + ", chain " + e.hash() + "): rewritten up to here");
                }
                checkpoints++;
                lastCheckpointSeq = c.seq();
                if (lastCheckpoint == null || c.signedAt().isAfter(lastCheckpoint)) {
                    lastCheckpoint = c.signedAt();
                }
            }
            return null;
        }

        /** A checkpoint beyond a chain's last entry means entries were cut off after it was signed. */
        private AuditVerdict.BrokenLink endOfChain(AuditEntry last) {
            if (last == null) {
                return null;
            }
            if (nextCheckpoint < pending.size()) {
                Checkpoint c = pending.get(nextCheckpoint);
                return broken(last.node(), last.lane(), last.seq() + 1, null, null, "entries missing after checkpoint: "
                        + "the checkpoint signed at " + c.signedAt() + " covers entry " + c.seq()
                        + ", the chain ends at entry " + last.seq() + " (entries " + range(last.seq() + 1, c.seq())
                        + " cut off)");
            }
            uncovered += last.seq() - lastCheckpointSeq;
            return null;
        }

        private List<Checkpoint> checkpoints(String chainNode, int chainLane) throws SQLException {
            List<Checkpoint> list = new ArrayList<>();
            try (PreparedStatement query = streaming(connection, CHECKPOINTS)) {
                query.setString(1, chainNode);
                query.setInt(2, chainLane);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        list.add(new Checkpoint(rows.getString(1), rows.getInt(2), rows.getLong(3), rows.getString(4),
                                rows.getObject(5, OffsetDateTime.class).toInstant(), rows.getString(6),
                                rows.getString(7), rows.getString(8), rows.getString(9)));
                    }
                }
            }
            return list;
        }
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getString(1), row.getInt(2), row.getLong(3), row.getString(4), row.getString(5),
                (Long) row.getObject(6, Long.class), row.getObject(7, OffsetDateTime.class).toInstant(),
                row.getString(8), row.getString(9), (Integer) row.getObject(10, Integer.class), row.getString(11),
                row.getString(12));
    }

    private static AuditVerdict.BrokenLink orphanCheckpoints(Connection connection) throws SQLException {
        try (PreparedStatement query = streaming(connection, ORPHAN_CHECKPOINTS); ResultSet row = query.executeQuery()) {
            return row.next() ? broken(row.getString(1), row.getInt(2), 1, null, null, "entries missing after "
                    + "checkpoint: a checkpoint covers entry " + row.getLong(3) + " of a chain that has no entries left")
                    : null;
        }
    }

    private static AuditVerdict.BrokenLink unauditedEvent(Connection connection) throws SQLException {
        try (PreparedStatement query = streaming(connection, UNAUDITED_EVENTS)) {
            query.setMaxRows(1);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? broken(row.getString(4), -1, 0, row.getString(2), row.getString(3),
                        "trace_event row " + row.getLong(1) + " has no audit entry: written behind the gateway's back")
                        : null;
            }
        }
    }

    private static long predating(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PREDATING_EVENTS); ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static PreparedStatement streaming(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH); // PostgreSQL streams only so, and only outside autocommit
        return statement;
    }

    private static void compare(List<String> differ, String field, Object audited, Object stored) {
        if (!Objects.equals(audited, stored)) {
            differ.add(field + " (" + stored + ", audited " + audited + ")");
        }
    }

    private static String range(long from, long to) {
        return from == to ? String.valueOf(from) : from + ".." + to;
    }

    private static AuditVerdict.BrokenLink broken(AuditEntry e, String problem) {
        return broken(e.node(), e.lane(), e.seq(), e.messageId(), e.event(), problem);
    }

    private static AuditVerdict.BrokenLink broken(String node, int lane, long seq, String messageId, String event,
                                                  String problem) {
        return new AuditVerdict.BrokenLink(node, lane, seq, messageId, event, problem);
    }
}
