package org.c2cgateway.app.api;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.app.trace.InboundRefusal;
import org.c2cgateway.app.trace.InboundRefusalRepository;

/**
 * The operator's view of refused inbound AS4 attempts, newest first: forgeries, hostile or malformed
 * requests, messages that broke a rule. What a refusal says its sender claimed is unproven unless
 * {@code authenticatedPartner} is set. Operators only (it sits under {@code /api/v1/admin}).
 */
@Controller("/api/v1/admin/refusals")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RefusalController {

    static final int MAX_PAGE_SIZE = 500;

    private final InboundRefusalRepository refusals;

    public RefusalController(InboundRefusalRepository refusals) {
        this.refusals = refusals;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Page> list(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            return HttpResponse.badRequest(new Page(page, size, 0, List.of(),
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE));
        }
        var found = refusals.newestFirst(page, size);
        return HttpResponse.ok(new Page(page, size, found.getTotalSize(),
                found.getContent().stream().map(RefusalController::entryOf).toList(), null));
    }

    private static Entry entryOf(InboundRefusal r) {
        return new Entry(r.id(), r.refusedAt(), r.node(), r.remoteAddress(), r.tlsClientSubject(), r.claimedFrom(),
                r.claimedMessageId(), r.authenticatedPartner(), r.ebmsCode(), r.reason(), r.suppressedBefore());
    }

    /** One page of refusals, newest first, and how many there are in all. */
    @Serdeable
    public record Page(int page, int size, long total, List<Entry> refusals, @Nullable String error) {
    }

    /**
     * One refused attempt. {@code suppressedBefore} counts the refusals this node left out just before it
     * because they came faster than {@code c2c.inbound.refusals-per-second}.
     */
    @Serdeable
    public record Entry(long id, Instant refusedAt, String node, @Nullable String remoteAddress,
                        @Nullable String tlsClientSubject, @Nullable String claimedFrom,
                        @Nullable String claimedMessageId, @Nullable String authenticatedPartner, String ebmsCode,
                        String reason, int suppressedBefore) {
    }
}
