package org.c2cgateway.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import org.c2cgateway.app.api.DeadLetterController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.PartnerController;
import org.c2cgateway.transport.TlsMaterial;

/** The suite's operator (an admin, by bearer token) on a gateway's admin and trace APIs, over HTTPS. */
final class Operator {

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.createDefault();
    private final URI base;
    private final String token;

    Operator(int apiPort, String token) {
        this.base = URI.create("https://localhost:" + apiPort);
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(TlsMaterial.load(GatewayProcess.HOME.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray(),
                        GatewayProcess.HOME.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray()).clientContext())
                .build();
    }

    PartnerController.PartnerState partner(String country) throws IOException {
        return json.readValue(get("/api/v1/admin/partners/" + country), PartnerController.PartnerState.class);
    }

    List<DeadLetterController.Entry> deadLetters(String partner) throws IOException {
        return json.readValue(get("/api/v1/admin/dead-letters?partner=" + partner), Argument.listOf(DeadLetterController.Entry.class));
    }

    MessageController.Timeline trace(String messageId) throws IOException {
        return json.readValue(get("/api/v1/messages/" + messageId), MessageController.Timeline.class);
    }

    private byte[] get(String path) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered HTTP " + response.statusCode() + ": " + new String(response.body()));
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
