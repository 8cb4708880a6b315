package org.c2cgateway.app.api;

import java.time.Instant;
import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.app.trace.PartnerStatusRecord;
import org.c2cgateway.app.trace.PartnerStatusRepository;
import org.c2cgateway.app.trace.TracedEventRepository;
import org.c2cgateway.app.trace.TracedMessage;
import org.c2cgateway.app.trace.TracedMessageRepository;

/** An operator's view of one message: its status and its timeline, step by step. */
@Controller("/api/v1/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessageController {

    private final TracedMessageRepository messages;
    private final TracedEventRepository events;
    private final PartnerStatusRepository partnerStatuses;

    public MessageController(TracedMessageRepository messages, TracedEventRepository events,
                             PartnerStatusRepository partnerStatuses) {
        this.messages = messages;
        this.events = events;
        this.partnerStatuses = partnerStatuses;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Timeline> timeline(@PathVariable("id") String id) {
        return messages.findById(id).map(m -> HttpResponse.ok(timelineOf(m))).orElseGet(HttpResponse::notFound);
    }

    private Timeline timelineOf(TracedMessage m) {
        List<Step> steps = events.timeline(m.messageId()).stream()
                .map(e -> new Step(e.event(), e.occurredAt(), e.node(), e.detail(), agreement(e.agreementId(),
                        e.agreementVersion()))).toList();
        return new Timeline(m.messageId(), m.nationalMessageId(), m.mrn(), m.type(), m.direction(), m.partner(),
                m.status(), m.payloadSize(), m.payloadSha256(), m.receipt() != null,
                agreement(m.agreementId(), m.agreementVersion()), steps,
                partnerStatuses.findByMessageIdOrderByReceivedAt(m.messageId()).stream().map(PartnerStatus::of).toList());
    }

    /** {@code RS-MK-SEED v2}, as rule set files and errors name an agreement version; null when none applied. */
    private static String agreement(String id, Integer version) {
        return id == null ? null : id + " v" + version;
    }

    @Serdeable
    public record Timeline(String messageId, String nationalMessageId, String mrn, String type, String direction,
                           String partner, String status, long payloadSize, String payloadSha256,
                           boolean receiptStored, String agreement, List<Step> events,
                           List<PartnerStatus> partnerStatus) {
    }

    @Serdeable
    public record Step(String event, Instant at, String node, String detail, String agreement) {
    }

    /**
     * The partner's signed delivery status for an outbound message: its national system took the notification.
     * {@code evidence} is the signed AS4 message as received (base64 of the {@code contentType} MIME request).
     */
    @Serdeable
    public record PartnerStatus(String status, Instant takenAt, String partnerNode, String channel,
                                String statusMessageId, String signedBy, Instant receivedAt, String contentType,
                                String evidence) {
        static PartnerStatus of(PartnerStatusRecord r) {
            return new PartnerStatus(r.status(), r.takenAt(), r.partnerNode(), r.channel(), r.statusMessageId(),
                    r.signedBy(), r.receivedAt(), r.contentType(), r.signedMessage());
        }
    }
}
