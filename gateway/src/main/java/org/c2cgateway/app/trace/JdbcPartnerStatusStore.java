package org.c2cgateway.app.trace;

import java.sql.Connection;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import org.c2cgateway.status.PartnerStatusEvidence;
import org.c2cgateway.status.PartnerStatusStore;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.TraceRecorder;

/**
 * Partners' delivery statuses in the trace store, beside the messages they are about. The evidence rows and
 * the timeline steps of one status message are written in one transaction, and the unique key on (message,
 * status) decides which of several copies of a status (a partner's retry, on another node) is kept: the others
 * change nothing. Each row holds the whole signed message, so that each message's evidence stands alone (in an
 * archive of it, say); which is why the sender's batches are kept small.
 */
@Singleton
public class JdbcPartnerStatusStore implements PartnerStatusStore {

    private final TracedMessageRepository messages;
    private final PartnerStatusRepository statuses;
    private final TraceRecorder trace;
    private final TransactionOperations<Connection> transactions;

    public JdbcPartnerStatusStore(TracedMessageRepository messages, PartnerStatusRepository statuses,
                                  TraceRecorder trace, TransactionOperations<Connection> transactions) {
        this.messages = messages;
        this.statuses = statuses;
        this.trace = trace;
        this.transactions = transactions;
    }

    @Override
    public Optional<String> outboundPartner(String messageId) {
        return messages.findPartnerByMessageIdAndDirection(messageId, Direction.OUTBOUND.name());
    }

    @Override
    public int record(List<PartnerStatusEvidence> evidence) {
        List<PartnerStatusEvidence> fresh = evidence.stream().filter(e -> !kept(e)).toList();
        if (fresh.size() <= 1) {
            return fresh.isEmpty() || recordOne(fresh.get(0)) ? fresh.size() : 0;
        }
        try {
            // the statuses of one message share its bytes: encode them once, not once per row
            Map<byte[], String> encoded = new IdentityHashMap<>();
            transactions.executeWrite(tx -> {
                fresh.forEach(e -> write(e, encoded));
                return null;
            });
            return fresh.size();
        } catch (RuntimeException ex) { // another node kept one of them first: each alone, the rest are new
            int kept = 0;
            for (PartnerStatusEvidence e : fresh) {
                kept += recordOne(e) ? 1 : 0;
            }
            return kept;
        }
    }

    private boolean recordOne(PartnerStatusEvidence e) {
        try {
            transactions.executeWrite(tx -> {
                write(e, new IdentityHashMap<>());
                return null;
            });
            return true;
        } catch (RuntimeException ex) { // a key violation, however the transaction manager wraps it
            if (kept(e)) {
                return false; // another node kept it first
            }
            throw ex;
        }
    }

    private boolean kept(PartnerStatusEvidence e) {
        return statuses.existsByMessageIdAndStatus(e.messageId(), e.status().kind().name());
    }

    private void write(PartnerStatusEvidence e, Map<byte[], String> encoded) {
        String signedMessage = encoded.computeIfAbsent(e.signedMessage(), Base64.getEncoder()::encodeToString);
        statuses.save(new PartnerStatusRecord(null, e.messageId(), e.status().kind().name(), e.status().at(),
                e.status().node(), e.status().channel(), e.statusMessageId(), e.signedBy(), e.receivedAt(),
                e.contentType(), signedMessage));
        trace.event(e.messageId(), e.event(), e.receivedAt(), e.detail());
    }
}
