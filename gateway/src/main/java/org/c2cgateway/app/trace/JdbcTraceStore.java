package org.c2cgateway.app.trace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;

/** The engine's trace, kept in the relational trace store (H2 embedded, PostgreSQL in production). */
@Singleton
public class JdbcTraceStore implements TraceRecorder {

    private static final int MAX_DETAIL = 4000;

    private final TracedMessageRepository messages;
    private final TracedEventRepository events;
    private final String node;

    public JdbcTraceStore(TracedMessageRepository messages, TracedEventRepository events, GatewayConfiguration gateway) {
        this.messages = messages;
        this.events = events;
        this.node = gateway.effectiveNodeName();
    }

    @Override
    public boolean open(MessageRecord r) {
        if (messages.existsById(r.messageId())) {
            return false;
        }
        Instant now = Instant.now();
        try {
            messages.save(new TracedMessage(r.messageId(), r.nationalMessageId(), r.mrn(), r.type(), r.direction().name(),
                    r.partner(), r.payloadSize(), r.payloadSha256(), MessageStatus.ACCEPTED.name(), now, now, null));
            return true;
        } catch (DataAccessException e) {
            if (messages.existsById(r.messageId())) {
                return false; // another node traced it first
            }
            throw e;
        }
    }

    @Override
    @Transactional
    public void event(String messageId, TraceEvent event, Instant at, String detail) {
        events.save(new TracedEvent(null, messageId, event.name(), at, node, bounded(detail)));
        messages.findById(messageId).ifPresent(message -> {
            MessageStatus current = MessageStatus.valueOf(message.status());
            MessageStatus next = event.statusAfter(Direction.valueOf(message.direction()));
            if (next != null && current.mayAdvanceTo(next)) {
                messages.updateStatusAndUpdatedAt(messageId, next.name(), at);
            }
        });
    }

    private static String bounded(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    @Override
    public void receipt(String messageId, byte[] signedReceipt) {
        messages.updateReceipt(messageId, new String(signedReceipt, StandardCharsets.UTF_8));
    }

    @Override
    public MessageStatus status(String messageId) {
        return messages.findStatusByMessageId(messageId).map(MessageStatus::valueOf).orElse(null);
    }
}
