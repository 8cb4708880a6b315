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

import org.c2cgateway.app.trace.AccessRefusalRepository;
import org.c2cgateway.app.trace.TracedAccessRefusal;
import org.c2cgateway.trace.AccessChannel;

/**
 * The operator's view of refused calls to the gateway's own APIs, newest first: callers without
 * credentials, with credentials not accepted, or known but not allowed (REST, SOAP and the national queue).
 * Operators only (it sits under {@code /api/v1/admin}).
 */
@Controller("/api/v1/admin/access-refusals")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccessRefusalController {

    private final AccessRefusalRepository refusals;

    public AccessRefusalController(AccessRefusalRepository refusals) {
        this.refusals = refusals;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Page> list(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > RefusalController.MAX_PAGE_SIZE) {
            return HttpResponse.badRequest(new Page(page, size, 0, List.of(),
                    "page must be 0 or more and size between 1 and " + RefusalController.MAX_PAGE_SIZE));
        }
        var found = refusals.newestFirst(page, size);
        return HttpResponse.ok(new Page(page, size, found.getTotalSize(),
                found.getContent().stream().map(AccessRefusalController::entryOf).toList(), null));
    }

    private static Entry entryOf(TracedAccessRefusal r) {
        return new Entry(r.id(), r.refusedAt(), r.node(), r.channel(), r.remoteAddress(), r.method(), r.path(), r.caller(),
                r.callerRole(), r.callerCountry(), r.certificateSubject(), r.status(), r.reason(), r.suppressedBefore());
    }

    /** One page of access refusals, newest first, and how many there are in all. */
    @Serdeable
    public record Page(int page, int size, long total, List<Entry> refusals, @Nullable String error) {
    }

    /**
     * One refused call. {@code caller}, {@code callerRole} and {@code callerCountry} are set only when the
     * caller's credentials were accepted (a 403); {@code certificateSubject} is whatever TLS client
     * certificate was presented. {@code suppressedBefore} counts the refusals this node left out just before
     * it because they came faster than {@code c2c.inbound.refusals-per-second}.
     */
    @Serdeable
    public record Entry(long id, Instant refusedAt, String node, AccessChannel channel, @Nullable String remoteAddress,
                        String method, @Nullable String path, @Nullable String caller, @Nullable String callerRole,
                        @Nullable String callerCountry, @Nullable String certificateSubject, int status, String reason,
                        int suppressedBefore) {
    }
}
