package org.c2cgateway.app.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import org.c2cgateway.intake.NotificationRejectedException;

/** Turns a rejected notification into a 400 that lists every finding. */
@Produces
@Singleton
@Requires(classes = {NotificationRejectedException.class, ExceptionHandler.class})
public class RejectedSubmissionHandler
        implements ExceptionHandler<NotificationRejectedException, HttpResponse<SubmissionRejected>> {

    @Override
    public HttpResponse<SubmissionRejected> handle(HttpRequest request, NotificationRejectedException exception) {
        return HttpResponse.badRequest(new SubmissionRejected("the notification was rejected; nothing was queued",
                exception.findings().stream().map(f -> new SubmissionRejected.Finding(f.path(), f.rule(), f.message(),
                        f.severity().name())).toList()));
    }
}
