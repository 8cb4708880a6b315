package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.c2cgateway.app.api.SubmissionRejected;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.queue.Queues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST intake channel's edges: size, media type, hostile XML, and its published description. */
class RestIntakeIT {

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static NationalSystemClient rsNational;

    @BeforeAll
    static void startGateways() throws Exception {
        gateways = new TwoGateways(data);
        rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
    }

    @AfterAll
    static void stopGateways() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void oversize_notification_gets_413_naming_the_limit_and_nothing_is_queued() throws Exception {
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        long before = TwoGateways.messagesAdded(gateways.rs, Queues.outbound("MK"));

        NationalSystemClient.Response response = rsNational.submit(huge);

        assertEquals(413, response.status(), response.text());
        assertTrue(response.text().contains("LIMIT:payload-size"), response.text());
        assertEquals("LIMIT:payload-size", rsNational.read(response, SubmissionRejected.class).errors().get(0).rule());
        assertEquals(before, TwoGateways.messagesAdded(gateways.rs, Queues.outbound("MK")));
    }

    @Test
    void unsupported_media_type_gets_415() throws Exception {
        HttpResponse<String> response = post("text/plain", "hello");
        assertEquals(415, response.statusCode(), response.body());
    }

    @Test
    void xxe_and_billion_laughs_get_400_and_the_gateway_keeps_serving() throws Exception {
        for (String hostile : new String[] {"xxe.xml", "billion-laughs.xml"}) {
            byte[] body = Files.readAllBytes(TwoGateways.HOME.resolve("config/samples/invalid").resolve(hostile));
            NationalSystemClient.Response response = rsNational.submit(body);
            assertEquals(400, response.status(), hostile + ": " + response.text());
            assertTrue(response.text().contains("XML:dtd-forbidden"), response.text());
        }
        NationalSystemClient.Response valid = rsNational.submit(Files.readAllBytes(ExchangeEndToEndIT.RS_TO_MK));
        assertEquals(202, valid.status(), valid.text());
    }

    @Test
    void openapi_description_is_served_with_the_submission_endpoint_and_its_error_format() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TwoGateways.tls("rs")).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + gateways.rsPort + "/swagger/c2c-gateway-0.1.yml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/notifications"), response.body());
        assertTrue(response.body().contains("SubmissionRejected"), response.body());
    }

    private static HttpResponse<String> post(String contentType, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TwoGateways.tls("rs")).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + gateways.rsPort + "/api/v1/notifications"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
