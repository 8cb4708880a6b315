package org.c2cgateway.app.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;

/**
 * A national customs system as the gateway sees it: it submits notifications, reads its inbox,
 * acknowledges, and asks for traces. Used by the demo and the end-to-end tests, over real HTTPS.
 */
public final class NationalSystemClient {

    private final HttpClient http;
    private final URI base;
    private final JsonMapper json = JsonMapper.createDefault();

    public NationalSystemClient(URI gatewayBase, SSLContext tls) {
        this.base = gatewayBase;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Response submit(byte[] notification) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/notifications"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(notification)));
    }

    public List<InboxController.Item> inbox() throws IOException {
        Response response = send(HttpRequest.newBuilder(base.resolve("/api/v1/inbox?limit=500")).GET());
        return json.readValue(response.body(), Argument.listOf(InboxController.Item.class));
    }

    public Response acknowledge(String messageId) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/inbox/" + encode(messageId) + "/ack"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The timeline of a message, or {@code null} when this gateway has not traced it. */
    public MessageController.Timeline trace(String messageId) throws IOException {
        Response response = send(HttpRequest.newBuilder(base.resolve("/api/v1/messages/" + encode(messageId))).GET());
        return response.status() == 404 ? null : json.readValue(response.body(), MessageController.Timeline.class);
    }

    public <T> T read(Response response, Class<T> type) throws IOException {
        return json.readValue(response.body(), type);
    }

    private Response send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A raw HTTP answer. */
    public record Response(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
