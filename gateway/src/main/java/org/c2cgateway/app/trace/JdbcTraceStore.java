package org.c2cgateway.app.trace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import org.c2cgateway.app.audit.AuditChain;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.MessageRef;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.ReceivedMessage;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.trace.TraceStep;

/** The engine's trace, kept in the relational trace store (H2 embedded, PostgreSQL in production). */
@Singleton
public class JdbcTraceStore implements TraceRecorder {

    private static final int MAX_DETAIL = 4000;

    private final TracedMessageRepository messages;
    private final TracedEventRepository events;
    private final OutboundDeliveryRepository deliveries;
    private final GroupCommit writes;
    private final String node;
    private final AuditChain audit;
    private final ApplicationEventPublisher<MessageStepped> steps;

    public JdbcTraceStore(TracedMessageRepository messages, TracedEventRepository events,
                          OutboundDeliveryRepository deliveries, GroupCommit writes, GatewayConfiguration gateway, AuditChain audit,
                          ApplicationEventPublisher<MessageStepped> steps) {
        this.messages = messages;
        this.events = events;
        this.deliveries = deliveries;
        this.writes = writes;
        this.node = gateway.effectiveNodeName();
        this.audit = audit;
        this.steps = steps;
    }

    /**
     * The message row and, for an outbound message, its (national message id, partner) row, in one
     * transaction: the keys decide which of several nodes opening the same message (or accepting the same
     * national message id for the same partner) wins. The loser's transaction rolls back whole, and it gets
     * {@code false}.
     */
    @Override
    public boolean open(MessageRecord r) {
        return open(r, List.of());
    }

    /** The message row, its national id's row and its first steps in the one transaction the race is decided by. */
    @Override
    public boolean open(MessageRecord r, List<TraceStep> firstSteps) {
        boolean claimsNationalId = r.direction() == Direction.OUTBOUND && r.nationalMessageId() != null;
        if (alreadyTraced(r, claimsNationalId)) {
            return false;
        }
        Instant now = Instant.now();
        try {
            writes.write(() -> {
                messages.save(new TracedMessage(r.messageId(), r.nationalMessageId(), r.mrn(), r.conversationId(),
                        r.type(), r.direction().name(), r.partner(), r.payloadSize(), r.payloadSha256(),
                        MessageStatus.ACCEPTED.name(), now, now, null, r.agreementId(), r.agreementVersion()));
                if (claimsNationalId) {
                    deliveries.save(new OutboundDelivery(r.messageId(), r.nationalMessageId(), r.partner()));
                }
                audit.opened(r, now);
                append(r.messageId(), firstSteps);
                return null;
            });
            return true;
        } catch (RuntimeException e) { // a key violation, however the transaction manager wraps it
            if (alreadyTraced(r, claimsNationalId)) {
                return false; // another node traced it first
            }
            throw e;
        }
    }

    private boolean alreadyTraced(MessageRecord r, boolean claimsNationalId) {
        return messages.existsById(r.messageId())
                || claimsNationalId && deliveries.existsByNationalMessageIdAndPartner(r.nationalMessageId(), r.partner());
    }

    @Override
    public List<MessageRef> findOutboundByNationalMessageId(String nationalMessageId) {
        return deliveries.findByNationalMessageId(nationalMessageId).stream()
                .flatMap(d -> messages.findById(d.messageId()).stream())
                .map(m -> new MessageRef(m.messageId(), m.nationalMessageId(), m.partner(),
                        MessageStatus.valueOf(m.status()), m.payloadSha256()))
                .sorted(java.util.Comparator.comparing(MessageRef::partner))
                .toList();
    }

    @Override
    public void event(String messageId, TraceEvent event, Instant at, String detail) {
        writes.write(() -> {
            step(messageId, event, at, detail);
            return null;
        });
    }

    /** One step, in the current transaction. */
    private void step(String messageId, TraceEvent event, Instant at, String detail) {
        Optional<TracedMessage> traced = messages.lockById(messageId); // one status change at a time per message
        TracedEvent saved = events.save(new TracedEvent(null, messageId, event.name(), at, node, bounded(detail),
                traced.map(TracedMessage::agreementId).orElse(null), traced.map(TracedMessage::agreementVersion).orElse(null)));
        audit.event(messageId, saved.event(), saved.id(), at, saved.detail(), saved.agreementId(), saved.agreementVersion());
        traced.ifPresent(message -> {
            MessageStatus current = MessageStatus.valueOf(message.status());
            MessageStatus next = event.statusAfter(Direction.valueOf(message.direction()));
            boolean moves = next != null && current.mayAdvanceTo(next);
            if (moves) {
                messages.updateStatusAndUpdatedAt(messageId, next.name(), at);
            }
            steps.publishEvent(MessageStepped.of(message, event, moves ? next : null, at)); // metrics, after the commit
        });
    }

    /** Steps of a write that holds its transaction: one commit, and one audit lane, for all of them. */
    private void append(String messageId, List<TraceStep> steps) {
        for (TraceStep step : steps) {
            step(messageId, step.event(), step.at(), step.detail());
        }
    }

    private static String bounded(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    @Override
    public void receipt(String messageId, byte[] signedReceipt) {
        receipt(messageId, signedReceipt, List.of());
    }

    @Override
    public void receipt(String messageId, byte[] signedReceipt, List<TraceStep> steps) {
        String receipt = new String(signedReceipt, StandardCharsets.UTF_8);
        writes.write(() -> {
            messages.updateReceipt(messageId, receipt);
            audit.receipt(messageId, AuditChain.RECEIPT_KEPT, receipt);
            append(messageId, steps);
            return null;
        });
    }

    /** An inbound message's receipt column holds the receipt this gateway answered it with. */
    @Override
    public Optional<ReceivedMessage> findInbound(String messageId) {
        return messages.findById(messageId).filter(m -> Direction.INBOUND.name().equals(m.direction()))
                .map(m -> new ReceivedMessage(m.messageId(), MessageStatus.valueOf(m.status()), m.createdAt(),
                        m.receipt() == null ? null : m.receipt().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public byte[] keepSentReceipt(String messageId, byte[] signedReceipt) {
        String receipt = new String(signedReceipt, StandardCharsets.UTF_8);
        if (!Arrays.equals(signedReceipt, receipt.getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalArgumentException("a receipt is kept as UTF-8 text, and this one is not");
        }
        writes.write(() -> {
            if (messages.keepReceiptIfAbsent(messageId, receipt) == 1) {
                audit.receipt(messageId, AuditChain.RECEIPT_SENT, receipt);
            }
            return null;
        });
        return messages.findById(messageId).map(TracedMessage::receipt)
                .orElseThrow(() -> new IllegalStateException("message " + messageId + " is not traced"))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public MessageStatus status(String messageId) {
        return messages.findStatusByMessageId(messageId).map(MessageStatus::valueOf).orElse(null);
    }
}
