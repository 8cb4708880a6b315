package org.c2cgateway.app.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.c2cgateway.intake.IntakeRoutes;
import org.c2cgateway.queue.QueueHeaders;

/**
 * Where the national system submits notifications. It answers 202 only after the intake route has
 * put the notification on its partner's durable queue.
 */
@Controller("/api/v1/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationController {

    private final ProducerTemplate camel;

    public NotificationController(ProducerTemplate camel) {
        this.camel = camel;
    }

    @Post(consumes = {MediaType.APPLICATION_XML, MediaType.TEXT_XML}, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<SubmissionAccepted> submit(@Body byte[] notification) throws Exception {
        Exchange result = camel.request(IntakeRoutes.ENDPOINT, exchange -> exchange.getMessage().setBody(notification));
        if (result.getException() != null) {
            throw result.getException();
        }
        var message = result.getMessage();
        return HttpResponse.accepted().body(new SubmissionAccepted(
                message.getHeader(QueueHeaders.MESSAGE_ID, String.class),
                message.getHeader(QueueHeaders.NATIONAL_MESSAGE_ID, String.class),
                message.getHeader(QueueHeaders.MRN, String.class),
                message.getHeader(QueueHeaders.PARTNER, String.class),
                "QUEUED"));
    }
}
