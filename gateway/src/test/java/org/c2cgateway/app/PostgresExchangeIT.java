package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.app.trace.PostgresDatabase;
import org.c2cgateway.trace.PayloadDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * RS and MK with their trace stores on PostgreSQL, each in a schema of its own, chosen by the datasource settings
 * alone: a notification goes from RS's national system to MK's, both sides trace it in PostgreSQL, and each side's
 * operator fetches its payload from the payload store.
 */
class PostgresExchangeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @TempDir
    static Path data;
    static TwoGateways gateways;

    @BeforeAll
    static void startGateways() throws Exception {
        gateways = new TwoGateways(data, postgres.settings("rs"), postgres.settings("mk"));
    }

    @AfterAll
    static void stopGateways() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void a_notification_is_exchanged_and_traced_on_postgresql_and_its_payload_kept_on_both_sides() throws Exception {
        NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
        NationalSystemClient mkNational = TwoGateways.nationalSystem("mk", gateways.mkPort);
        byte[] notification = TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK);

        NationalSystemClient.Response response = rsNational.submit(notification);
        assertEquals(202, response.status(), response.text());
        String id = rsNational.read(response, SubmissionAccepted.class).messageId();
        InboxController.Item item = Await.until(id + " in MK's inbox", TIMEOUT,
                () -> mkNational.inbox().stream().filter(i -> i.messageId().equals(id)).findFirst());
        MessageController.Timeline sent = Await.until("RS to record the receipt", TIMEOUT, () ->
                Optional.ofNullable(rsNational.trace(id)).filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));

        assertEquals("DELIVERED_TO_PARTNER", statusInSchema(postgres.settings("rs"), id), "RS traced it in PostgreSQL");
        assertTrue(java.util.Set.of("AWAITING_NATIONAL_SYSTEM", "DELIVERED").contains(statusInSchema(postgres.settings("mk"), id)),
                "MK traced it in PostgreSQL");

        HttpResponse<byte[]> outbound = payload(gateways.rsPort, id);
        assertEquals(200, outbound.statusCode());
        assertEquals(sent.payloadSha256(), PayloadDigest.sha256Hex(outbound.body()), "as accepted for MK, as traced");
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sent.payloadSha256())) + ":",
                outbound.headers().firstValue("Repr-Digest").orElseThrow());
        HttpResponse<byte[]> inbound = payload(gateways.mkPort, id);
        assertEquals(200, inbound.statusCode());
        assertArrayEquals(Base64.getDecoder().decode(item.payload()), inbound.body(), "as delivered to MK's national system");
        HttpResponse<byte[]> unknown = payload(gateways.mkPort, "no-such-message@test");
        assertEquals(404, unknown.statusCode());
        assertTrue(new String(unknown.body()).contains("no such message"));
    }

    private static String statusInSchema(java.util.Map<String, Object> settings, String id) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection((String) settings.get("datasources.default.url"),
                PostgresDatabase.USER, "");
             PreparedStatement query = connection.prepareStatement("SELECT status FROM trace_message WHERE message_id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static HttpResponse<byte[]> payload(int port, String id) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TwoGateways.nationalTls("mk")).build();
        return http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/messages/"
                        + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "/payload"))
                .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
