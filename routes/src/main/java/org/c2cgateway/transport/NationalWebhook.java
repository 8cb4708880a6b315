package org.c2cgateway.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The national system's webhook for the push channel: one HTTPS POST per notification, the gateway's
 * TLS certificate presented as client certificate. Only a 2xx answer counts as delivered; anything else,
 * and any transport failure, is thrown so that the notification stays queued and is pushed again.
 */
public final class NationalWebhook {

    private final HttpClient client;
    private final URI url;
    private final Duration requestTimeout;

    public NationalWebhook(URI url, TlsMaterial tls, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls.clientContext())
                .connectTimeout(connectTimeout)
                .build();
    }

    public URI url() {
        return url;
    }

    /** Posts the payload with the given headers; returns the 2xx status, or throws. */
    public int post(byte[] payload, String contentType, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pushing to " + url, e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            throw new IOException("the national webhook " + url + " answered HTTP " + response.statusCode()
                    + (body == null || body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
        }
        return response.statusCode();
    }
}
