package org.c2cgateway.app.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.jms.JMSException;

import org.c2cgateway.app.trace.TracedEvent;
import org.c2cgateway.app.trace.TracedEventRepository;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.outbound.DeadLetters;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.trace.TraceEvent;

/**
 * The operator's view of notifications the broker gave up on (every delivery attempt to the partner
 * failed), and their replay once the cause is fixed. Each entry joins what the dead-letter queue holds
 * with the trace's account of the last failure.
 * <p>
 * These endpoints are for operators only. They sit on the national API port for now; access control
 * for them comes with the operator login (issue 4), and until then the port must be reachable only
 * from the operators' and the national system's network.
 */
@Controller("/api/v1/admin/dead-letters")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final CredentialsInForce credentials;
    private final TracedEventRepository events;

    public DeadLetterController(DeadLetters deadLetters, CredentialsInForce credentials, TracedEventRepository events) {
        this.deadLetters = deadLetters;
        this.credentials = credentials;
        this.events = events;
    }

    /** The dead letters of one partner, or of every partner when none is named. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<List<Entry>> list(@Nullable @QueryValue("partner") String partner) throws JMSException {
        PartnerDirectory partners = credentials.current().partners();
        List<String> countries = partner == null
                ? partners.all().stream().map(Partner::country).toList()
                : partners.byCountry(partner).map(p -> List.of(p.country())).orElse(List.of());
        if (countries.isEmpty() && partner != null) {
            return HttpResponse.notFound();
        }
        List<Entry> entries = new ArrayList<>();
        for (String country : countries) {
            deadLetters.list(country).forEach(d -> entries.add(entryOf(d)));
        }
        return HttpResponse.ok(entries);
    }

    /** Sends the chosen dead letters of a partner (or all of them) back to its queue; answers which ones went. */
    @Post(uri = "/{partner}/replay", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Replayed> replay(@PathVariable("partner") String partner, @Body ReplayRequest request)
            throws JMSException {
        if (credentials.current().partners().byCountry(partner).isEmpty()) {
            return HttpResponse.notFound();
        }
        return replay(partner, request, () -> deadLetters.list(partner), ids -> deadLetters.replay(partner, ids));
    }

    /** Received notifications the national push channel gave up on (PUSH mode). */
    @Get(uri = "/national", produces = MediaType.APPLICATION_JSON)
    public List<Entry> national() throws JMSException {
        return deadLetters.listNational().stream().map(d -> entryOf(d, TraceEvent.NATIONAL_DEAD_LETTERED)).toList();
    }

    /** Sends the chosen national dead letters (or all of them) back to the national queue, to be pushed again. */
    @Post(uri = "/national/replay", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Replayed> replayNational(@Body ReplayRequest request) throws JMSException {
        return replay("national", request, deadLetters::listNational, deadLetters::replayNational);
    }

    /** Reads the content of a dead-letter queue. */
    private interface Listing {
        List<DeadLetters.DeadLetter> list() throws JMSException;
    }

    /** Replays the given message ids from a dead-letter queue; returns those replayed. */
    private interface Replay {
        List<String> replay(List<String> messageIds) throws JMSException;
    }

    private static HttpResponse<Replayed> replay(String queue, ReplayRequest request, Listing everything, Replay replay)
            throws JMSException {
        boolean all = Boolean.TRUE.equals(request.all());
        List<String> wanted = request.messageIds() == null ? List.of() : request.messageIds();
        if (all == !wanted.isEmpty()) {
            return HttpResponse.badRequest(new Replayed(queue, List.of(), List.of(),
                    "name the messageIds to replay, or set all to true (not both)"));
        }
        List<String> replayed = replay.replay(all
                ? everything.list().stream().map(DeadLetters.DeadLetter::messageId).toList() : wanted);
        List<String> notFound = wanted.stream().filter(id -> !replayed.contains(id)).toList();
        return HttpResponse.ok(new Replayed(queue, replayed, notFound, null));
    }

    private Entry entryOf(DeadLetters.DeadLetter d) {
        return entryOf(d, TraceEvent.DEAD_LETTERED);
    }

    private Entry entryOf(DeadLetters.DeadLetter d, TraceEvent deadLetterEvent) {
        TracedEvent deadLettered = events.timeline(d.messageId()).stream()
                .filter(e -> e.event().equals(deadLetterEvent.name()))
                .max(Comparator.comparing(TracedEvent::occurredAt)).orElse(null);
        return new Entry(d.messageId(), d.nationalMessageId(), d.mrn(), d.type(), d.partner(), d.acceptedAt(),
                deadLettered == null ? null : deadLettered.occurredAt(),
                deadLettered == null ? null : deadLettered.detail());
    }

    /** One dead letter: what it is, when the last attempt failed, and why. */
    @Serdeable
    public record Entry(String messageId, @Nullable String nationalMessageId, @Nullable String mrn,
                        @Nullable String type, String partner, @Nullable Instant acceptedAt,
                        @Nullable Instant deadLetteredAt, @Nullable String lastError) {
    }

    /** Either {@code {"messageIds": [...]}} or {@code {"all": true}}. */
    @Serdeable
    public record ReplayRequest(@Nullable List<String> messageIds, @Nullable Boolean all) {
    }

    /** What went back to the partner queue, and which named ids were not in the dead-letter queue. */
    @Serdeable
    public record Replayed(String partner, List<String> replayed, List<String> notFound, @Nullable String error) {
    }
}
