package org.c2cgateway.app.api;

import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.c2cgateway.intake.IntakeHeaders;
import org.c2cgateway.intake.IntakeRoutes;
import org.c2cgateway.intake.SubmissionDelivery;
import org.c2cgateway.model.NotificationJson;
import org.c2cgateway.queue.QueueHeaders;

/**
 * Where the national system submits notifications. It answers 202 only after the intake route has
 * put the notification on its partner's durable queue.
 */
@Controller("/api/v1/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationController {

    private final ProducerTemplate camel;
    private final NotificationJson json;

    public NotificationController(ProducerTemplate camel, NotificationJson json) {
        this.camel = camel;
        this.json = json;
    }

    @Operation(summary = "Submit a pre-arrival or exit notification",
            description = "The body is a notification in the canonical schema urn:c2c-gateway:notification:v1 "
                    + "(root PreArrivalNotification or ExitNotification). The gateway validates it (schema and "
                    + "business rules), routes it to the partner of the office of entry, and answers only once it "
                    + "is durably queued for that partner.")
    @ApiResponse(responseCode = "202", description = "Accepted and durably queued; trace it by messageId",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionAccepted.class)))
    @ApiResponse(responseCode = "200", description = "A duplicate: this national MessageId was accepted before. The answer "
            + "carries the ORIGINAL messageId and its current status; nothing is sent again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionAccepted.class)))
    @ApiResponse(responseCode = "400", description = "Rejected; nothing was queued. Every finding names the field path and the rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionRejected.class)))
    @ApiResponse(responseCode = "413", description = "Larger than c2c.max-payload-bytes (rule LIMIT:payload-size); nothing was queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionRejected.class)))
    @ApiResponse(responseCode = "415", description = "Neither XML nor JSON")
    @RequestBody(description = "A notification of the canonical schema", required = true, content = @Content(
            mediaType = MediaType.APPLICATION_XML, examples = {
                @ExampleObject(name = "pre-arrival", summary = "RS to MK pre-arrival notification",
                        value = NotificationExamples.PRE_ARRIVAL_XML),
                @ExampleObject(name = "exit", summary = "MK to RS exit notification", value = NotificationExamples.EXIT_XML)}))
    @Post(consumes = {MediaType.APPLICATION_XML, MediaType.TEXT_XML}, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<SubmissionAccepted> submit(@Body byte[] notification) throws Exception {
        return accept(notification);
    }

    @Operation(summary = "Submit a notification as JSON",
            description = "The same model as the XML, field for field: {\"PreArrivalNotification\": {...}} or "
                    + "{\"ExitNotification\": {...}}, fields named after the XML elements, repeatable elements as arrays. "
                    + "It is converted to the canonical XML and goes through the same validation, so findings carry "
                    + "the same rule codes and paths.")
    @ApiResponse(responseCode = "202", description = "Accepted and durably queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionAccepted.class)))
    @ApiResponse(responseCode = "400", description = "Rejected (JSON:format for JSON that does not map onto the model)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionRejected.class)))
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<SubmissionAccepted> submitJson(@Body byte[] notification) throws Exception {
        return accept(json.toXml(notification));
    }

    /** A new notification is answered 202; a resubmitted one 200, with its original id and where it stands. */
    private HttpResponse<SubmissionAccepted> accept(byte[] notification) throws Exception {
        Exchange result = camel.request(IntakeRoutes.ENDPOINT, exchange -> {
            exchange.getMessage().setBody(notification);
            exchange.getMessage().setHeader(IntakeHeaders.CHANNEL, "REST");
        });
        if (result.getException() != null) {
            throw result.getException();
        }
        var message = result.getMessage();
        boolean duplicate = Boolean.TRUE.equals(message.getHeader(IntakeHeaders.DUPLICATE, Boolean.class));
        SubmissionAccepted answer = new SubmissionAccepted(
                message.getHeader(QueueHeaders.MESSAGE_ID, String.class),
                message.getHeader(QueueHeaders.NATIONAL_MESSAGE_ID, String.class),
                message.getHeader(QueueHeaders.MRN, String.class),
                message.getHeader(QueueHeaders.PARTNER, String.class),
                message.getHeader(IntakeHeaders.STATUS, String.class),
                duplicate,
                ((List<?>) message.getHeader(IntakeHeaders.DELIVERIES, List.class)).stream()
                        .map(d -> SubmissionAccepted.Receiver.of((SubmissionDelivery) d)).toList());
        return duplicate ? HttpResponse.ok(answer) : HttpResponse.accepted().body(answer);
    }
}
