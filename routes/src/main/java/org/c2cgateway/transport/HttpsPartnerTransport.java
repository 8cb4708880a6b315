package org.c2cgateway.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;


/**
 * AS4 over HTTPS with mutual TLS. One client per gateway keeps connections alive between messages,
 * which the peers we measured against do not (they pay a TLS handshake per message).
 */
public final class HttpsPartnerTransport implements PartnerTransport {

    private final HttpClient client;
    private final Duration requestTimeout;

    public HttpsPartnerTransport(TlsMaterial tls, Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls.clientContext())
                .connectTimeout(connectTimeout)
                .build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public PartnerResponse post(URI endpoint, byte[] body, String contentType) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new PartnerResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + endpoint, e);
        }
    }
}
