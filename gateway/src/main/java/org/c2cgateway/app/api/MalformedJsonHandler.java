package org.c2cgateway.app.api;

import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import org.c2cgateway.model.NotificationFormatException;
import org.c2cgateway.validation.Severity;
import org.c2cgateway.validation.ValidationFinding;

/** JSON that does not map onto the notification model: a 400 in the same error format as any rejection. */
@Produces
@Singleton
public class MalformedJsonHandler implements ExceptionHandler<NotificationFormatException, HttpResponse<SubmissionRejected>> {

    static final String JSON_FORMAT_RULE = "JSON:format";

    @Override
    public HttpResponse<SubmissionRejected> handle(HttpRequest request, NotificationFormatException exception) {
        return HttpResponse.badRequest(SubmissionRejected.of(List.of(new ValidationFinding(
                exception.location(), JSON_FORMAT_RULE, exception.reason(), Severity.ERROR))));
    }
}
