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
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.api.SubmissionRejected;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.model.NotificationJson;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.validation.NotificationSchemaValidator;
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
    void json_notification_is_validated_like_xml_delivered_as_canonical_xml_and_readable_as_json() throws Exception {
        NotificationJson json = new NotificationJson();
        byte[] asJson = json.toJson(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));

        HttpResponse<String> accepted = post("application/json", new String(asJson, StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String messageId = rsNational.read(new NationalSystemClient.Response(202,
                accepted.body().getBytes(StandardCharsets.UTF_8)), SubmissionAccepted.class).messageId();

        NationalSystemClient mkNational = TwoGateways.nationalSystem("mk", gateways.mkPort);
        InboxController.Item item = Await.until("the JSON-submitted notification in MK's inbox", Duration.ofSeconds(30),
                () -> mkNational.inbox().stream().filter(i -> i.messageId().equals(messageId)).findFirst());
        byte[] deliveredXml = Base64.getDecoder().decode(item.payload());
        assertTrue(new NotificationSchemaValidator(1 << 20).validate(deliveredXml).accepted());

        HttpResponse<String> asJsonAgain = get("mk", gateways.mkPort, "/api/v1/inbox/" + messageId, "application/json");
        assertEquals(200, asJsonAgain.statusCode());
        assertTrue(asJsonAgain.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(new String(json.toJson(deliveredXml), StandardCharsets.UTF_8), asJsonAgain.body());
        HttpResponse<String> asXml = get("mk", gateways.mkPort, "/api/v1/inbox/" + messageId, "application/xml");
        assertEquals(new String(deliveredXml, StandardCharsets.UTF_8), asXml.body());
    }

    @Test
    void json_with_a_bad_hs_code_gets_the_same_rule_and_path_as_xml() throws Exception {
        String badXml = Files.readString(ExchangeEndToEndIT.RS_TO_MK)
                .replaceFirst("<CommodityCode>[0-9]{6}</CommodityCode>", "<CommodityCode>12AB</CommodityCode>");
        String badJson = new String(new NotificationJson().toJson(badXml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        NationalSystemClient.Response asXml = rsNational.submit(badXml.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> asJson = post("application/json", badJson);

        assertEquals(400, asXml.status());
        assertEquals(400, asJson.statusCode());
        SubmissionRejected.Finding xmlFinding = rsNational.read(asXml, SubmissionRejected.class).errors().get(0);
        SubmissionRejected.Finding jsonFinding = rsNational.read(new NationalSystemClient.Response(400,
                asJson.body().getBytes(StandardCharsets.UTF_8)), SubmissionRejected.class).errors().get(0);
        assertEquals(xmlFinding.rule(), jsonFinding.rule());
        assertEquals(xmlFinding.path(), jsonFinding.path());
    }

    @Test
    void resubmitted_national_message_id_is_answered_200_with_the_original_id_and_sent_only_once() throws Exception {
        byte[] notification = TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK);
        NationalSystemClient.Response first = rsNational.submit(notification);
        assertEquals(202, first.status(), first.text());
        SubmissionAccepted original = rsNational.read(first, SubmissionAccepted.class);
        long queued = TwoGateways.messagesAdded(gateways.rs, Queues.outbound("MK"));

        NationalSystemClient.Response again = rsNational.submit(notification);

        assertEquals(200, again.status(), again.text());
        SubmissionAccepted duplicate = rsNational.read(again, SubmissionAccepted.class);
        assertTrue(duplicate.duplicate());
        assertEquals(original.messageId(), duplicate.messageId());
        assertEquals(queued, TwoGateways.messagesAdded(gateways.rs, Queues.outbound("MK")));
        assertTrue(rsNational.trace(original.messageId()).events().stream()
                .anyMatch(e -> e.event().equals("DUPLICATE_RECEIVED")));
    }

    @Test
    void malformed_json_gets_400_naming_where_it_broke() throws Exception {
        HttpResponse<String> response = post("application/json", "{\"PreArrivalNotification\": {\"MRN\": ");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("JSON:format"), response.body());
    }

    @Test
    void unsupported_media_type_gets_415() throws Exception {
        HttpResponse<String> response = post("text/plain", "hello");
        assertEquals(415, response.statusCode(), response.body());
    }

    @Test
    void xxe_billion_laughs_and_malformed_xml_get_400_and_the_gateway_keeps_serving() throws Exception {
        Map<String, String> expected = Map.of("xxe.xml", "XML:dtd-forbidden", "billion-laughs.xml", "XML:dtd-forbidden",
                "not-well-formed.xml", "XML:not-well-formed");
        for (Map.Entry<String, String> hostile : expected.entrySet()) {
            byte[] body = Files.readAllBytes(TwoGateways.HOME.resolve("config/samples/invalid").resolve(hostile.getKey()));
            NationalSystemClient.Response response = rsNational.submit(body);
            assertEquals(400, response.status(), hostile.getKey() + ": " + response.text());
            assertTrue(response.text().contains(hostile.getValue()), response.text());
        }
        NationalSystemClient.Response valid = rsNational.submit(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
        assertEquals(202, valid.status(), valid.text());
    }

    @Test
    void openapi_description_is_served_with_the_submission_endpoint_and_its_error_format() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TwoGateways.nationalTls("rs")).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + gateways.rsPort + "/swagger/c2c-gateway-0.1.yml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/notifications"), response.body());
        assertTrue(response.body().contains("SubmissionRejected"), response.body());
        assertTrue(response.body().contains("pre-arrival") && response.body().contains("ExitNotification"),
                "both notification types are shown as examples");
    }

    private static HttpResponse<String> get(String cc, int port, String path, String accept) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TwoGateways.nationalTls(cc)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String contentType, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TwoGateways.nationalTls("rs")).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + gateways.rsPort + "/api/v1/notifications"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
