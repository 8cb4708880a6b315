package org.c2cgateway.app.api;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

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

import org.c2cgateway.national.InboxEntry;
import org.c2cgateway.national.NationalInbox;

/**
 * The national system's pull channel: it reads received notifications and acknowledges each one.
 * What it has not acknowledged is offered again on the next read.
 */
@Controller("/api/v1/inbox")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InboxController {

    private static final int MAX_PAGE = 500;

    private final NationalInbox inbox;

    public InboxController(NationalInbox inbox) {
        this.inbox = inbox;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public List<Item> pending(@QueryValue(defaultValue = "50") int limit) {
        return inbox.pending(Math.max(1, Math.min(limit, MAX_PAGE))).stream().map(Item::of).toList();
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
