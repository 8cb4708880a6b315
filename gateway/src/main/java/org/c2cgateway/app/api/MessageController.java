package org.c2cgateway.app.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.app.trace.MessageSearch;
import org.c2cgateway.app.trace.PartnerStatusRecord;
import org.c2cgateway.app.trace.PartnerStatusRepository;
import org.c2cgateway.app.trace.TracedEventRepository;
import org.c2cgateway.app.trace.TracedMessage;
import org.c2cgateway.app.trace.TracedMessageRepository;
import org.c2cgateway.trace.DeliveryAttempt;

/** An operator's view of the messages: a search of the trace, and one message's status and timeline, step by step. */
@Controller("/api/v1/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessageController {

    private final TracedMessageRepository messages;
    private final TracedEventRepository events;
    private final MessageSearch search;
    private final PartnerStatusRepository partnerStatuses;

    public MessageController(TracedMessageRepository messages, TracedEventRepository events, MessageSearch search,
                             PartnerStatusRepository partnerStatuses) {
        this.messages = messages;
        this.events = events;
        this.search = search;
        this.partnerStatuses = partnerStatuses;
    }

    /**
     * The messages matching every filter given, a page at a time, newest first unless sorted otherwise; see
     * {@link SearchParameters} for the parameters and their rules. A bad parameter is a 400 naming it.
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> search(HttpRequest<?> request) {
        try {
            var query = SearchParameters.parse(request.getParameters().asMap());
            MessageSearch.Found found = search.find(query);
            return HttpResponse.ok(new Page(found.items().stream().map(MessageController::itemOf).toList(),
                    query.page(), query.size(), found.hasMore()));
        } catch (SearchParameters.Refused refused) {
            return HttpResponse.badRequest(new SearchRefused(refused.parameter(), refused.rule(), refused.getMessage()));
        }
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Timeline> timeline(@PathVariable("id") String id) {
        return messages.findById(id).map(m -> HttpResponse.ok(timelineOf(m))).orElseGet(HttpResponse::notFound);
    }

    private static Item itemOf(MessageSearch.Summary s) {
        return new Item(s.messageId(), s.nationalMessageId(), s.mrn(), s.conversationId(), s.type(), s.direction(),
                s.partner(), s.status(), agreement(s.agreementId(), s.agreementVersion()), s.createdAt(), s.updatedAt(),
                s.payloadSize());
    }

    private Timeline timelineOf(TracedMessage m) {
        List<Step> steps = events.timeline(m.messageId()).stream()
                .map(e -> new Step(e.event(), e.occurredAt(), e.node(), e.detail(), attempt(e.detail()),
                        agreement(e.agreementId(), e.agreementVersion()))).toList();
        return new Timeline(m.messageId(), m.nationalMessageId(), m.mrn(), m.conversationId(), m.type(), m.direction(),
                m.partner(), m.status(), m.payloadSize(), m.payloadSha256(), m.createdAt(), m.updatedAt(),
                m.receipt() != null, m.receipt(), agreement(m.agreementId(), m.agreementVersion()), steps,
                partnerStatuses.findByMessageIdOrderByReceivedAt(m.messageId()).stream().map(PartnerStatus::of).toList());
    }

    private static Integer attempt(String detail) {
        var attempt = DeliveryAttempt.in(detail);
        return attempt.isPresent() ? attempt.getAsInt() : null;
    }

    /** {@code RS-MK-SEED v2}, as rule set files and errors name an agreement version; null when none applied. */
    private static String agreement(String id, Integer version) {
        return id == null ? null : id + " v" + version;
    }

    /**
     * One page of a search, and whether a next page has more (the match is never counted whole). Every key is always
     * present, an empty page and absent values too, so that clients see one shape.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<Item> items, int page, int size, boolean hasMore) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(String messageId, @Nullable String nationalMessageId, String mrn, @Nullable String conversationId,
                       String type, String direction, String partner, String status, @Nullable String agreement,
                       Instant createdAt, Instant updatedAt, long payloadSize) {
    }

    /** A search parameter that breaks its rule. */
    @Serdeable
    public record SearchRefused(String parameter, String rule, String error) {
    }

    /**
     * One message and its timeline. {@code receipt} is the signed AS4 receipt kept as evidence: the partner's for an
     * outbound message, the one this gateway answered with for an inbound one.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Timeline(String messageId, @Nullable String nationalMessageId, String mrn,
                           @Nullable String conversationId, String type, String direction, String partner,
                           String status, long payloadSize, String payloadSha256, Instant createdAt, Instant updatedAt,
                           boolean receiptStored, @Nullable String receipt, @Nullable String agreement,
                           List<Step> events, List<PartnerStatus> partnerStatus) {
    }

    /** One step; {@code attempt} is the delivery attempt it belongs to (sends and their failures), from 1. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Step(String event, Instant at, String node, @Nullable String detail, @Nullable Integer attempt,
                       @Nullable String agreement) {
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
