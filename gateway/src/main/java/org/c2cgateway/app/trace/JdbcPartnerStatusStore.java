package org.c2cgateway.app.trace;

import java.sql.Connection;
import java.util.Base64;
import java.util.Optional;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import org.c2cgateway.status.PartnerStatusEvidence;
import org.c2cgateway.status.PartnerStatusStore;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.TraceRecorder;

/**
 * Partners' delivery statuses in the trace store, beside the messages they are about. The evidence row and
 * the timeline step are written in one transaction, and the unique key on (message, status) decides which of
 * several copies of a status (a partner's retry, on another node) is kept: the others change nothing.
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
        return messages.findById(messageId).filter(m -> Direction.OUTBOUND.name().equals(m.direction()))
                .map(TracedMessage::partner);
    }

    @Override
    public boolean record(PartnerStatusEvidence e) {
        String status = e.status().kind().name();
        if (statuses.existsByMessageIdAndStatus(e.messageId(), status)) {
            return false;
        }
        try {
            transactions.executeWrite(tx -> {
                statuses.save(new PartnerStatusRecord(null, e.messageId(), status, e.status().at(), e.status().node(),
                        e.status().channel(), e.statusMessageId(), e.signedBy(), e.receivedAt(), e.contentType(),
                        Base64.getEncoder().encodeToString(e.signedMessage())));
                trace.event(e.messageId(), e.event(), e.receivedAt(), e.detail());
                return null;
            });
            return true;
        } catch (RuntimeException ex) { // a key violation, however the transaction manager wraps it
            if (statuses.existsByMessageIdAndStatus(e.messageId(), status)) {
                return false; // another node kept it first
            }
            throw ex;
        }
    }
}
