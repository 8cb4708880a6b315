package org.c2cgateway.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * AS4 over HTTPS with mutual TLS. One client per gateway keeps connections alive between messages,
 * which the peers we measured against do not (they pay a TLS handshake per message).
 */
public final class HttpsPartnerTransport implements PartnerTransport, PartnerProbe {

    /**
     * What a proxy or load balancer answers when the gateway behind it is down. Any other answer, even an
     * error (an AS4 endpoint need not serve GET), shows that TLS and the partner's HTTP server work.
     */
    private static final Set<Integer> BACK_END_DOWN = Set.of(502, 503, 504);

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
        HttpResponse<byte[]> response = send(request);
        return new PartnerResponse(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** A GET on the partner's endpoint, over the same mutual TLS as the messages. */
    @Override
    public void probe(URI endpoint) throws IOException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(endpoint).timeout(requestTimeout).GET().build());
        if (BACK_END_DOWN.contains(response.statusCode())) {
            throw new IOException(endpoint + " answered HTTP " + response.statusCode());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + request.uri(), e);
        }
    }
}
