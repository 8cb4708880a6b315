package org.c2cgateway.app.api;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.model.NotificationJson;
import org.c2cgateway.national.InboxEntry;
import org.c2cgateway.national.NationalInbox;

/**
 * The national system's pull channel: it reads received notifications and acknowledges each one.
 * What it has not acknowledged is offered again on the next read. Absent when the notifications are
 * pushed or queued to the national system instead: reading (and tracing as delivered) what another
 * channel is delivering would only confuse.
 */
@Controller("/api/v1/inbox")
@Requires(property = "c2c.national-delivery.mode", value = "PULL", defaultValue = "PULL")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InboxController {

    private static final int MAX_PAGE = 500;

    private final NationalInbox inbox;
    private final NotificationJson json;

    public InboxController(NationalInbox inbox, NotificationJson json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public List<Item> pending(@QueryValue(defaultValue = "50") int limit) {
        return inbox.pending(Math.max(1, Math.min(limit, MAX_PAGE))).stream().map(Item::of).toList();
    }

    /**
     * One pending notification itself: the XML exactly as the sender submitted it, or the same model as
     * JSON when the client asks for {@code application/json}.
     */
    @Get(uri = "/{id}", produces = {MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> notification(@PathVariable("id") String id, HttpRequest<?> request) {
        boolean wantsJson = request.accept().stream().anyMatch(MediaType.APPLICATION_JSON_TYPE::matches)
                && request.accept().stream().noneMatch(MediaType.APPLICATION_XML_TYPE::matches);
        return inbox.find(id)
                .map(entry -> wantsJson
                        ? HttpResponse.ok(json.toJson(entry.payload())).contentType(MediaType.APPLICATION_JSON_TYPE)
                        : HttpResponse.ok(entry.payload()).contentType(MediaType.APPLICATION_XML_TYPE))
                .orElseGet(HttpResponse::notFound);
    }

    @Post(uri = "/{id}/ack", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Acknowledged> acknowledge(@PathVariable("id") String id) {
        return inbox.acknowledge(id)
                .map(entry -> HttpResponse.ok(new Acknowledged(entry.messageId(), true)))
                .orElseGet(() -> HttpResponse.notFound(new Acknowledged(id, false)));
    }

    /** A received notification; {@code payload} is the notification exactly as the sender submitted it, base64. */
    @Serdeable
    public record Item(String messageId, String nationalMessageId, String mrn, String type, String fromCountry,
                       Instant acceptedAt, String payload) {
        static Item of(InboxEntry e) {
            return new Item(e.messageId(), e.nationalMessageId(), e.mrn(), e.type(), e.fromCountry(), e.acceptedAt(),
                    Base64.getEncoder().encodeToString(e.payload()));
        }
    }

    @Serdeable
    public record Acknowledged(String messageId, boolean acknowledged) {
    }
}
