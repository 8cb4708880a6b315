package org.c2cgateway.app.api;

import java.util.Base64;
import java.util.HexFormat;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.app.payload.FilePayloadStore;
import org.c2cgateway.app.trace.TracedMessage;
import org.c2cgateway.app.trace.TracedMessageRepository;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.PayloadDigest;

/**
 * A message's payload, for an operator (the trace index holds only its size and hash): an outbound notification as
 * accepted for its partner, an inbound one as delivered to the national system. {@code Repr-Digest} carries the
 * SHA-256 of the bytes returned, to compare with the timeline's {@code payloadSha256} (equal for an outbound message;
 * for an inbound one, the timeline's is of the payload as received, before the agreement's changes).
 */
@Controller("/api/v1/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessagePayloadController {

    private final TracedMessageRepository messages;
    private final FilePayloadStore payloads;

    public MessagePayloadController(TracedMessageRepository messages, FilePayloadStore payloads) {
        this.messages = messages;
        this.payloads = payloads;
    }

    @Get(uri = "/{id}/payload", produces = {MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    public HttpResponse<?> payload(@PathVariable("id") String id) {
        TracedMessage message = messages.findById(id).orElse(null);
        if (message == null) {
            return missing(id, "no such message");
        }
        if (!payloads.enabled()) {
            return missing(id, "this gateway keeps no payloads (c2c.payloads.enabled)");
        }
        return payloads.find(id, Direction.valueOf(message.direction()), message.createdAt())
                .<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes).contentType(MediaType.APPLICATION_XML_TYPE)
                        .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                                HexFormat.of().parseHex(PayloadDigest.sha256Hex(bytes))) + ":"))
                .orElseGet(() -> missing(id, "the payload is not kept: older than the payload retention ("
                        + payloads.retention() + "), or kept by another node"));
    }

    private static HttpResponse<?> missing(String id, String reason) {
        return HttpResponse.notFound(new PayloadMissing(id, reason)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Serdeable
    public record PayloadMissing(String messageId, String reason) {
    }
}
