package org.c2cgateway.app.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import org.c2cgateway.intake.NotificationRejectedException;

/** Turns a rejected notification into a 400 (or 413 when too large) that lists every finding. */
@Produces
@Singleton
@Requires(classes = {NotificationRejectedException.class, ExceptionHandler.class})
public class RejectedSubmissionHandler
        implements ExceptionHandler<NotificationRejectedException, HttpResponse<SubmissionRejected>> {

    /** The finding that means "too large": answered with 413, so clients can tell it from bad content. */
    static final String PAYLOAD_SIZE_RULE = "LIMIT:payload-size";

    @Override
    public HttpResponse<SubmissionRejected> handle(HttpRequest request, NotificationRejectedException exception) {
        boolean tooLarge = exception.findings().stream().anyMatch(f -> PAYLOAD_SIZE_RULE.equals(f.rule()));
        return HttpResponse.<SubmissionRejected>status(tooLarge ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.BAD_REQUEST)
                .body(SubmissionRejected.of(exception.findings()));
    }
}
