package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.as4.As4Fixtures;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.as4.HostileMessages;
import org.c2cgateway.as4.OutboundAs4Message;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.pki.Credential;
import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.security.WsSecurityFixtures;
import org.c2cgateway.pki.KeyAlgorithm;
import org.c2cgateway.pki.KeyPurpose;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.transport.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real gateways on a throw-away PKI (root, issuing CA, CRL) in which RS, MK and BG share one issuing
 * CA. MK trusts RS by subject (any RS signing or TLS certificate of that CA) and checks the CA's CRL,
 * failing closed. Messages claiming to come from RS are posted straight to MK's AS4 endpoint with
 * certificates that must each be refused with ebMS 0101 naming the certificate and the reason, with
 * nothing queued for MK's national system; then a real exchange still goes through.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerTrustIT {

    private static final char[] PASSWORD = DevPki.DEFAULT_PASSWORD.toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String RS_SIGNING_SUBJECT = "CN=RS customs gateway signing,O=Customs administration RS,C=RS";
    private static final String RS_TLS_SUBJECT = "CN=RS customs gateway TLS,O=Customs administration RS,C=RS";

    @TempDir
    static Path data;
    static DevPki pki;
    static ApplicationContext mk;
    static ApplicationContext rs;
    static int mkPort;
    static int mkAs4Port;
    static int rsPort;

    @BeforeAll
    static void startGateways() throws IOException {
        pki = DevPki.generate(data.resolve("pki"), List.of("RS", "MK", "BG"), PASSWORD);
        X509Certificate revokedSigner = issueRs(KeyPurpose.SIGNING, IssueOptions.defaults().withName("signing-revoked"));
        X509Certificate revokedTls = issueRs(KeyPurpose.TLS, IssueOptions.defaults().withName("tls-revoked"));
        pki.revoke(revokedSigner, CRLReason.KEY_COMPROMISE);
        pki.revoke(revokedTls, CRLReason.CESSATION_OF_OPERATION);
        Instant now = Instant.now();
        issueRs(KeyPurpose.SIGNING, IssueOptions.defaults().withName("signing-expired")
                .withNotBefore(now.minus(Duration.ofDays(30))).withNotAfter(now.minus(Duration.ofDays(1))));
        issueRs(KeyPurpose.SIGNING, IssueOptions.defaults().withName("signing-early")
                .withNotBefore(now.plus(Duration.ofDays(7))));
        issueRs(KeyPurpose.SIGNING, IssueOptions.defaults().withName("signing-soon")
                .withNotBefore(now.minus(Duration.ofDays(1))).withNotAfter(now.plus(Duration.ofDays(20)).plusSeconds(3600)));
        issueRs(KeyPurpose.SIGNING, IssueOptions.defaults().withName("signing-weak").withRsaKeySize(1024));
        DevPki.generate(data.resolve("rogue"), List.of("RS"), PASSWORD);

        mkPort = TwoGateways.freePort();
        mkAs4Port = TwoGateways.freePort();
        rsPort = TwoGateways.freePort();
        int rsAs4Port = TwoGateways.freePort();
        mk = startMk(mkPort, mkAs4Port, "mk", List.of(pki.crlFile().toString()), "FAIL_CLOSED");
        Map<String, Object> rsSettings = settings("rs", List.of("MK", "BG"), List.of(pki.crlFile().toString()), "FAIL_CLOSED");
        rsSettings.put("c2c.partners.MK.endpoint", TwoGateways.as4Url(mkAs4Port));
        rs = TwoGateways.start("rs", rsPort, rsAs4Port, data.resolve("gateways"), rsSettings);
    }

    @AfterAll
    static void stopGateways() {
        if (rs != null) {
            rs.close();
        }
        if (mk != null) {
            mk.close();
        }
    }

    private static X509Certificate issueRs(KeyPurpose purpose, IssueOptions options) {
        return pki.issue("RS", purpose, KeyAlgorithm.RSA_2048, options).certificate();
    }

    /**
     * MK, trusting RS by subject (and pinning RS's signing key and a next one that expires in 20 days) and
     * BG by pins, all under the throw-away PKI.
     */
    private static ApplicationContext startMk(int port, int as4Port, String dataName, List<String> crls, String onUnavailable) {
        Map<String, Object> settings = settings("mk", List.of("RS", "BG"), crls, onUnavailable);
        settings.put("c2c.partners.RS.trust.signing-certificates", List.of(
                pki.certificateFile("RS", KeyPurpose.SIGNING).toString(), pki.certificateFile("RS", "signing-soon").toString()));
        settings.put("c2c.partners.RS.trust.signing-subject", RS_SIGNING_SUBJECT);
        settings.put("c2c.partners.RS.trust.tls-subject", RS_TLS_SUBJECT);
        settings.put("c2c.partners.RS.endpoint", TwoGateways.as4Url(1));
        settings.put("c2c.revocation.refresh-interval", "1s");
        return TwoGateways.start("mk", port, as4Port, data.resolve(dataName), settings);
    }

    /** A gateway's keys and its partners' trust, all from the throw-away PKI. */
    private static Map<String, Object> settings(String cc, List<String> partners, List<String> crls, String onUnavailable) {
        String country = cc.toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> settings = new HashMap<>();
        settings.put("micronaut.server.ssl.key-store.path", "file:" + pki.keyStore(country, KeyPurpose.TLS));
        settings.put("micronaut.server.ssl.trust-store.path", "file:" + pki.trustStore());
        settings.put("c2c.message-keys.signing.current.key-store", pki.keyStore(country, KeyPurpose.SIGNING).toString());
        settings.put("c2c.message-keys.encryption.current.key-store", pki.keyStore(country, KeyPurpose.ENCRYPTION).toString());
        settings.put("c2c.tls.key-store", pki.keyStore(country, KeyPurpose.TLS).toString());
        settings.put("c2c.tls.trust-store", pki.trustStore().toString());
        settings.put("c2c.revocation.crls", crls);
        settings.put("c2c.revocation.on-unavailable", onUnavailable);
        for (String partner : partners) {
            String trust = "c2c.partners." + partner + ".trust.";
            settings.put(trust + "issuing-cas", List.of(pki.layout().directory().resolve("issuing-ca.crt").toString()));
            settings.put(trust + "signing-certificates", List.of(pki.certificateFile(partner, KeyPurpose.SIGNING).toString()));
            settings.put(trust + "tls-certificates", List.of(pki.certificateFile(partner, KeyPurpose.TLS).toString()));
            settings.put("c2c.partners." + partner + ".encryption-certificates",
                    List.of(pki.certificateFile(partner, KeyPurpose.ENCRYPTION).toString()));
        }
        return settings;
    }

    @Test
    @Order(1)
    void a_revoked_signing_certificate_is_refused_with_its_revocation() throws Exception {
        HttpResponse<String> response = postToMk(mkAs4Port, rsTls(), claimingRs(signer(pki, "RS", "signing-revoked")));

        assertRefused(mk, response, "signing certificate", "revoked on", "KEY_COMPROMISE");
        assertTrue(response.body().contains(serial(pki, "RS", "signing-revoked")), response.body());
    }

    @Test
    @Order(2)
    void a_revoked_tls_client_certificate_is_refused_after_the_handshake() throws Exception {
        SSLContext revokedTls = tls(pki.keyStore("RS", "tls-revoked"));

        HttpResponse<String> response = postToMk(mkAs4Port, revokedTls, claimingRs(signer(pki, "RS", "signing")));

        assertRefused(mk, response, "TLS client certificate", "revoked on", "CESSATION_OF_OPERATION");
        assertTrue(response.body().contains(serial(pki, "RS", "tls-revoked")), response.body());
    }

    @Test
    @Order(3)
    void an_expired_signer_is_refused_with_its_end_date() throws Exception {
        X509Certificate expired = pki.credential("RS", "signing-expired").certificate();

        HttpResponse<String> response = postToMk(mkAs4Port, rsTls(), claimingRs(signer(pki, "RS", "signing-expired")));

        assertRefused(mk, response, "signing certificate", "expired on " + expired.getNotAfter().toInstant());
    }

    @Test
    @Order(4)
    void a_signer_not_yet_valid_is_refused_with_its_start_date() throws Exception {
        X509Certificate early = pki.credential("RS", "signing-early").certificate();

        HttpResponse<String> response = postToMk(mkAs4Port, rsTls(), claimingRs(signer(pki, "RS", "signing-early")));

        assertRefused(mk, response, "signing certificate", "not yet valid until " + early.getNotBefore().toInstant());
    }

    @Test
    @Order(4)
    void a_signer_with_an_rsa_key_under_2048_bits_is_refused_although_its_subject_is_rs() throws Exception {
        // our own builder refuses to sign with such a key, so the test signs with WSS4J directly
        UserMessage message = new UserMessage(UUID.randomUUID() + "@trust-test", Instant.now(), "RS", "MK",
                Collaboration.SERVICE, "PreArrivalNotification", "24RS000000000001K0", Collaboration.agreementRef("RS", "MK"),
                "RS", "MK", TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK), "application/xml");
        As4Fixtures.Wire weak = new HostileMessages(As4MessageBuilder.UNREGISTERED_PARTY_ID_TYPE, Collaboration.SERVICE_TYPE)
                .withAlgorithms(message, signer(pki, "RS", "signing-weak"), pki.credential("MK", KeyPurpose.SIGNING).certificate(),
                        WsSecurityFixtures.Algorithms.AGREED);

        HttpResponse<String> response = postToMk(mkAs4Port, rsTls(), new OutboundAs4Message(weak.body(), weak.contentType(),
                List.of()));

        assertEquals(500, response.statusCode(), response.body());
        assertTrue(response.body().contains("EBMS:0103"), response.body());
        assertTrue(response.body().contains("is RSA-1024, under the minimum of 2048 bits"), response.body());
        assertEquals(0, TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL));
        RefusalCheck.assertLastRefusalTraced(mk, EbmsError.POLICY_NONCOMPLIANCE, "RSA-1024");
    }

    @Test
    @Order(5)
    void another_partners_valid_certificate_of_the_same_ca_claiming_rs_is_refused() throws Exception {
        HttpResponse<String> response = postToMk(mkAs4Port, rsTls(), claimingRs(signer(pki, "BG", "signing")));

        assertRefused(mk, response, "CN=BG customs gateway signing", "not accepted for this partner");
    }

    @Test
    @Order(6)
    void a_certificate_of_a_ca_not_configured_for_rs_is_refused() throws Exception {
        DevPki rogue = DevPki.open(data.resolve("rogue"), PASSWORD);

        HttpResponse<String> response = postToMk(mkAs4Port, rsTls(), claimingRs(signer(rogue, "RS", "signing")));

        assertRefused(mk, response, "signing certificate", "not issued by a CA trusted for this partner");
    }

    /**
     * An MK whose CRL server is down refuses RS's valid message, naming the CA and the server; once the
     * server answers again, the next refresh loads the CRL and RS's messages get in.
     */
    @Test
    @Order(7)
    void with_the_crl_unavailable_fail_closed_refuses_until_the_crl_can_be_loaded_again() throws Exception {
        AtomicBoolean serving = new AtomicBoolean(false);
        HttpServer crlServer = crlServer(serving);
        String crlUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/issuing-ca.crl";
        int as4Port = TwoGateways.freePort();
        try (ApplicationContext closed = startMk(TwoGateways.freePort(), as4Port, "mk-fail-closed", List.of(crlUrl),
                "FAIL_CLOSED")) {
            HttpResponse<String> refused = postToMk(as4Port, rsTls(), claimingRs(signer(pki, "RS", "signing")));

            assertRefused(closed, refused, "revocation status unknown", crlUrl, "HTTP 503");

            serving.set(true);
            HttpResponse<String> accepted = Await.until("MK to load the CRL again and accept RS", TIMEOUT, () ->
                    Optional.of(postToMk(as4Port, rsTls(), claimingRs(signer(pki, "RS", "signing"))))
                            .filter(r -> r.statusCode() == 200));
            assertTrue(accepted.body().contains("Receipt"), accepted.body());
        } finally {
            crlServer.stop(0);
        }
    }

    /** An MK that fails open accepts RS's valid message without a CRL, and its trace says so. */
    @Test
    @Order(8)
    void with_the_crl_unavailable_fail_open_accepts_with_a_warning_in_the_trace() throws Exception {
        int port = TwoGateways.freePort();
        int as4Port = TwoGateways.freePort();
        String missing = data.resolve("nowhere/issuing-ca.crl").toString();
        try (ApplicationContext open = startMk(port, as4Port, "mk-fail-open", List.of(missing), "FAIL_OPEN")) {
            long before = TwoGateways.messagesAdded(open, Queues.IN_NATIONAL);
            String messageId = UUID.randomUUID() + "@rs.c2c-gateway";

            HttpResponse<String> response = postToMk(as4Port, rsTls(),
                    build(signer(pki, "RS", "signing"), "RS", messageId));

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(before + 1, TwoGateways.messagesAdded(open, Queues.IN_NATIONAL));
            MessageController.Timeline timeline = national("mk", port).trace(messageId);
            String verified = timeline.events().stream().filter(e -> e.event().equals("VERIFIED")).findFirst()
                    .orElseThrow().detail();
            assertTrue(verified.contains("warning: revocation status of the signing certificate of partner RS")
                    && verified.contains("FAIL_OPEN") && verified.contains("Issuing CA") && verified.contains(missing),
                    verified);
        }
    }

    @Test
    @Order(9)
    void health_and_metrics_show_every_certificates_days_left_and_warn_30_days_ahead() throws Exception {
        String soon = serial(pki, "RS", "signing-soon");

        HttpResponse<String> health = get(mkPort, "/health");
        HttpResponse<String> metrics = get(mkPort, "/prometheus");

        assertEquals(200, health.statusCode(), health.body());
        JsonNode details = new ObjectMapper().readTree(health.body()).path("details");
        assertEquals("WARNING", details.path("certificates").path("status").asText(), health.body());
        assertEquals("UP", details.path("revocation").path("status").asText(), health.body());
        List<JsonNode> certificates = new ArrayList<>();
        details.path("certificates").path("details").path("certificates").forEach(certificates::add);
        JsonNode expiring = certificates.stream().filter(c -> c.path("serial").asText().equals(soon)).findFirst().orElseThrow();
        assertEquals("RS", expiring.path("owner").asText());
        assertEquals("EXPIRING", expiring.path("state").asText());
        assertEquals(20, expiring.path("daysLeft").asInt());
        assertTrue(certificates.stream().anyMatch(c -> c.path("owner").asText().equals("own")
                && c.path("role").asText().equals("signing") && c.path("state").asText().equals("VALID")), health.body());
        assertTrue(certificates.stream().anyMatch(c -> c.path("owner").asText().equals("BG")
                && c.path("role").asText().equals("issuing-ca")), health.body());
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("c2c_certificate_days_left")
                && l.contains("serial=\"" + soon + "\"") && l.contains("owner=\"RS\"") && l.endsWith(" 20.0")),
                metrics.body());
    }

    @Test
    @Order(100)
    void after_all_refusals_a_real_exchange_from_rs_still_reaches_mks_national_system() throws Exception {
        NationalSystemClient rsNational = national("rs", rsPort);
        NationalSystemClient mkNational = national("mk", mkPort);

        NationalSystemClient.Response response = rsNational.submit(Files.readAllBytes(ExchangeEndToEndIT.RS_TO_MK));

        assertEquals(202, response.status(), response.text());
        String messageId = rsNational.read(response, SubmissionAccepted.class).messageId();
        InboxController.Item item = Await.until("MK's national system to receive RS's notification", TIMEOUT, () ->
                mkNational.inbox().stream().filter(i -> i.messageId().equals(messageId)).findFirst());
        assertEquals("RS", item.fromCountry());
        Await.until("RS to verify MK's receipt", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(messageId))
                .filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
    }

    private static void assertRefused(ApplicationContext gateway, HttpResponse<String> response, String... causes) {
        assertEquals(500, response.statusCode(), response.body());
        assertTrue(response.body().contains("EBMS:0101"), response.body());
        for (String cause : causes) {
            assertTrue(response.body().contains(cause), "expected '" + cause + "' in " + response.body());
        }
        assertEquals(0, TwoGateways.messagesAdded(gateway, Queues.IN_NATIONAL),
                "nothing may ever have reached the national queue before the first accepted message");
        RefusalCheck.assertLastRefusalTraced(gateway, EbmsError.FAILED_AUTHENTICATION, causes);
    }

    private static OutboundAs4Message claimingRs(PrivateKeyEntry signer) throws Exception {
        return build(signer, "RS", UUID.randomUUID() + "@trust-test");
    }

    private static OutboundAs4Message build(PrivateKeyEntry signer, String fromParty, String messageId) throws Exception {
        UserMessage message = new UserMessage(messageId, Instant.now(), fromParty, "MK", Collaboration.SERVICE,
                "PreArrivalNotification", "24RS000000000001K0", Collaboration.agreementRef(fromParty, "MK"),
                fromParty, "MK", TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK), "application/xml");
        return new As4MessageBuilder(As4MessageBuilder.UNREGISTERED_PARTY_ID_TYPE, Collaboration.SERVICE_TYPE)
                .build(message, signer, pki.credential("MK", KeyPurpose.ENCRYPTION).certificate());
    }

    private static PrivateKeyEntry signer(DevPki from, String country, String name) {
        Credential credential = from.credential(country, name);
        return new PrivateKeyEntry(credential.privateKey(), credential.certificate(), credential.chain());
    }

    private static String serial(DevPki from, String country, String name) {
        return from.credential(country, name).certificate().getSerialNumber().toString(16);
    }

    private static SSLContext rsTls() {
        return tls(pki.keyStore("RS", KeyPurpose.TLS));
    }

    private static SSLContext tls(Path keyStore) {
        return TlsMaterial.load(keyStore, PASSWORD, pki.trustStore(), PASSWORD).clientContext();
    }

    private static NationalSystemClient national(String cc, int port) {
        return new NationalSystemClient(URI.create("https://localhost:" + port), tls(pki.keyStore(cc.toUpperCase(java.util.Locale.ROOT),
                KeyPurpose.NATIONAL)), null, TwoGateways.OPERATOR_TOKEN);
    }

    private static HttpResponse<String> postToMk(int as4Port, SSLContext tls, OutboundAs4Message message) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
        return client.send(HttpRequest.newBuilder(URI.create(TwoGateways.as4Url(as4Port)))
                .header("Content-Type", message.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(rsTls()).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Serves the PKI's CRL while {@code serving} is set, and 503 before. */
    private static HttpServer crlServer(AtomicBoolean serving) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/issuing-ca.crl", exchange -> {
            byte[] crl = serving.get() ? Files.readAllBytes(pki.crlFile()) : new byte[0];
            exchange.sendResponseHeaders(serving.get() ? 200 : 503, crl.length == 0 ? -1 : crl.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(crl);
            }
        });
        server.start();
        return server;
    }
}
