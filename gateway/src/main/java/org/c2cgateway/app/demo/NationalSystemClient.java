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
 * acknowledges, and (with an operator's token) asks for traces. Used by the demo and the end-to-end tests,
 * over real HTTPS. It authenticates with the client certificate of its TLS context, or with a bearer token.
 */
public final class NationalSystemClient {

    private final HttpClient http;
    private final URI base;
    private final String nationalToken;
    private final String operatorToken;
    private final JsonMapper json = JsonMapper.createDefault();

    /**
     * @param tls           trusts the gateway; presents the national system's client certificate, if it has one
     * @param nationalToken the national system's bearer token, or {@code null} to rely on the client certificate
     * @param operatorToken an operator's bearer token for {@link #trace}, or {@code null}
     */
    public NationalSystemClient(URI gatewayBase, SSLContext tls, String nationalToken, String operatorToken) {
        this.base = gatewayBase;
        this.nationalToken = nationalToken;
        this.operatorToken = operatorToken;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Response submit(byte[] notification) throws IOException {
        return send(national("/api/v1/notifications")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(notification)));
    }

    public List<InboxController.Item> inbox() throws IOException {
        Response response = send(national("/api/v1/inbox?limit=500").GET());
        if (response.status() != 200) {
            throw new IOException("the inbox answered HTTP " + response.status() + ": " + response.text());
        }
        return json.readValue(response.body(), Argument.listOf(InboxController.Item.class));
    }

    public Response acknowledge(String messageId) throws IOException {
        return send(national("/api/v1/inbox/" + encode(messageId) + "/ack")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The timeline of a message, or {@code null} when this gateway has not traced it. */
    public MessageController.Timeline trace(String messageId) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/messages/" + encode(messageId))).GET();
        if (operatorToken != null) {
            request.header("Authorization", "Bearer " + operatorToken);
        }
        Response response = send(request);
        if (response.status() == 404) {
            return null;
        }
        if (response.status() != 200) {
            throw new IOException("the trace answered HTTP " + response.status() + ": " + response.text());
        }
        return json.readValue(response.body(), MessageController.Timeline.class);
    }

    private HttpRequest.Builder national(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        return nationalToken == null ? request : request.header("Authorization", "Bearer " + nationalToken);
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
