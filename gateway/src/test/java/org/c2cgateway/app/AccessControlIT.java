package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.micronaut.json.JsonMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.c2cgateway.app.access.AccessRefusal;
import org.c2cgateway.app.access.PasswordHash;
import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.queue.Queues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Hostile case 9 against a real gateway (RS) over real HTTPS: every national and operator endpoint refuses
 * a caller without credentials (401, with a challenge and a reason), a national system of another country
 * and a caller with the wrong role (403); the right callers get through on REST, SOAP and the national
 * queue; and no secret ever shows in an answer or a log line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlIT {

    static final String RS_NATIONAL_TOKEN = TokenDigest.newToken();
    static final String MK_NATIONAL_TOKEN = TokenDigest.newToken();
    static final String OPERATOR_PASSWORD = "operator-" + TokenDigest.newToken();
    static final String OPERATOR_TOKEN = TokenDigest.newToken();
    static final String NATIONAL_QUEUE_PASSWORD = "queue-" + TokenDigest.newToken();
    static final String OPERATOR_PASSWORD_HASH = PasswordHash.hash(OPERATOR_PASSWORD.toCharArray(), 10_000);
    static final String NATIONAL_QUEUE_PASSWORD_HASH = PasswordHash.hash(NATIONAL_QUEUE_PASSWORD.toCharArray(), 10_000);
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    /** Every endpoint of the national and operator APIs (and a future admin one), with a body where it takes one. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/api/v1/notifications", "<x/>"},
            new String[] {"GET", "/api/v1/inbox", null},
            new String[] {"GET", "/api/v1/inbox/some-id", null},
            new String[] {"POST", "/api/v1/inbox/some-id/ack", ""},
            new String[] {"GET", "/api/v1/messages/some-id", null},
            new String[] {"GET", "/api/v1/admin/dead-letters", null},
            new String[] {"POST", "/api/v1/admin/dead-letters/MK/replay", "{\"all\": true}"},
            new String[] {"POST", "/api/v1/admin/keys/reload", ""},
            new String[] {"GET", "/api/v1/admin/refusals", null});

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static int soapPort;
    static int acceptorPort;
    static final LogCapture LOG = new LogCapture();
    static final List<String> ANSWERS = Collections.synchronizedList(new ArrayList<>());
    static final JsonMapper JSON = JsonMapper.createDefault();

    @BeforeAll
    static void start() throws Exception {
        LOG.start();
        soapPort = TwoGateways.freePort();
        acceptorPort = TwoGateways.freePort();
        Map<String, Object> rs = new HashMap<>();
        rs.put("c2c.national-soap.host", "127.0.0.1");
        rs.put("c2c.national-soap.port", soapPort);
        rs.put("c2c.broker.national-acceptor.port", acceptorPort);
        rs.put("c2c.broker.national-acceptor.password-hash", NATIONAL_QUEUE_PASSWORD_HASH);
        rs.put("c2c.access.national-clients.rs-national.token-sha256", TokenDigest.sha256Hex(RS_NATIONAL_TOKEN));
        // MK's national system is known here (by its certificate and a token), but acts for MK, not RS
        rs.put("c2c.access.national-clients.mk-national.country", "MK");
        rs.put("c2c.access.national-clients.mk-national.certificate-subject",
                "CN=MK national customs system, O=Customs administration MK, C=MK");
        rs.put("c2c.access.national-clients.mk-national.token-sha256", TokenDigest.sha256Hex(MK_NATIONAL_TOKEN));
        rs.put("c2c.access.operators.ops.role", "operator");
        rs.put("c2c.access.operators.ops.password-hash", OPERATOR_PASSWORD_HASH);
        rs.put("c2c.access.operators.ops.token-sha256", TokenDigest.sha256Hex(OPERATOR_TOKEN));
        gateways = new TwoGateways(data, rs);
    }

    @AfterAll
    static void stop() {
        if (gateways != null) {
            gateways.close();
        }
        LOG.stop();
    }

    // ---- REST: unauthenticated ----

    @Test
    @Order(1)
    void every_national_and_operator_endpoint_answers_401_with_a_challenge_and_a_reason_without_credentials() throws Exception {
        for (SSLContext anonymous : List.of(trustOnly(), TwoGateways.tls("rs"))) { // no certificate; a trusted but unknown one
            for (String[] endpoint : ENDPOINTS) {
                HttpResponse<String> response = call(anonymous, endpoint[0], endpoint[1], endpoint[2], null);

                assertEquals(401, response.statusCode(), endpoint[0] + " " + endpoint[1] + ": " + response.body());
                assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("Bearer realm="),
                        endpoint[1] + " " + response.headers().map());
                AccessRefusal refusal = JSON.readValue(response.body(), AccessRefusal.class);
                assertEquals("unauthenticated", refusal.error());
                assertEquals(endpoint[1], refusal.path());
                assertTrue(refusal.requires().contains(endpoint[1].startsWith("/api/v1/notifications")
                        || endpoint[1].startsWith("/api/v1/inbox") ? "national system of RS" : "operator"), refusal.requires());
                assertFalse(response.body().contains("Exception"), response.body());
            }
        }
    }

    @Test
    @Order(2)
    void operator_endpoints_offer_basic_and_bearer_and_wrong_credentials_are_not_rescued_by_a_certificate() throws Exception {
        HttpResponse<String> noLogin = call(trustOnly(), "GET", "/api/v1/messages/x", null, null);
        assertTrue(noLogin.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), noLogin.headers().map().toString());

        HttpResponse<String> wrongPassword = call(trustOnly(), "GET", "/api/v1/messages/x", null, basic("ops", "wrong"));
        HttpResponse<String> unknownUser = call(trustOnly(), "GET", "/api/v1/messages/x", null, basic("nobody", OPERATOR_PASSWORD));
        HttpResponse<String> wrongToken = call(TwoGateways.nationalTls("rs"), "GET", "/api/v1/inbox", null,
                "Bearer " + TokenDigest.newToken());

        for (HttpResponse<String> refused : List.of(wrongPassword, unknownUser, wrongToken)) {
            assertEquals(401, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("were not accepted"), refused.body());
        }
    }

    @Test
    @Order(3)
    void management_endpoints_are_not_exposed() throws Exception {
        for (String path : List.of("/env", "/beans", "/loggers", "/routes", "/refresh", "/info")) {
            HttpResponse<String> response = call(trustOnly(), "GET", path, null, "Bearer " + TwoGateways.OPERATOR_TOKEN);
            assertEquals(403, response.statusCode(), path + ": " + response.body());
            assertTrue(response.body().contains("no access rule opens this path"), response.body());
        }
    }

    // ---- REST: national systems ----

    @Test
    @Order(10)
    void national_system_by_client_certificate_and_by_bearer_token_submits_202_and_reads_its_inbox() throws Exception {
        NationalSystemClient byCertificate = TwoGateways.nationalSystem("rs", gateways.rsPort);
        NationalSystemClient byToken = new NationalSystemClient(URI.create("https://localhost:" + gateways.rsPort),
                trustOnly(), RS_NATIONAL_TOKEN, null);

        for (NationalSystemClient national : List.of(byCertificate, byToken)) {
            NationalSystemClient.Response response = national.submit(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
            record(response.text());
            assertEquals(202, response.status(), response.text());
            assertNotNull(national.read(response, SubmissionAccepted.class).messageId());
            assertNotNull(national.inbox());
        }
    }

    @Test
    @Order(11)
    void national_system_of_another_country_is_forbidden_the_inbox_and_submission() throws Exception {
        HttpResponse<String> byCertificate = call(TwoGateways.nationalTls("mk"), "GET", "/api/v1/inbox", null, null);
        HttpResponse<String> byToken = call(trustOnly(), "GET", "/api/v1/inbox", null, "Bearer " + MK_NATIONAL_TOKEN);
        HttpResponse<String> submission = call(TwoGateways.nationalTls("mk"), "POST", "/api/v1/notifications",
                Files.readString(ExchangeEndToEndIT.RS_TO_MK), null);

        for (HttpResponse<String> refused : List.of(byCertificate, byToken, submission)) {
            assertEquals(403, refused.statusCode(), refused.body());
            AccessRefusal refusal = JSON.readValue(refused.body(), AccessRefusal.class);
            assertEquals("forbidden", refusal.error());
            assertTrue(refusal.message().contains("'mk-national' of MK") && refusal.message().contains("own country"),
                    refusal.message());
        }
    }

    @Test
    @Order(12)
    void national_system_may_not_use_the_operator_api() throws Exception {
        HttpResponse<String> response = call(TwoGateways.nationalTls("rs"), "GET", "/api/v1/messages/x", null, null);

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("role operator or admin"), response.body());
    }

    // ---- REST: operators ----

    @Test
    @Order(20)
    void operator_reads_traces_and_dead_letters_but_may_not_replay_and_admin_replays() throws Exception {
        NationalSystemClient.Response submitted = TwoGateways.nationalSystem("rs", gateways.rsPort)
                .submit(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
        assertEquals(202, submitted.status(), submitted.text());
        String messageId = JSON.readValue(submitted.body(), SubmissionAccepted.class).messageId();
        String trace = "/api/v1/messages/" + messageId;

        assertEquals(200, call(trustOnly(), "GET", trace, null, basic("ops", OPERATOR_PASSWORD)).statusCode());
        assertEquals(200, call(trustOnly(), "GET", trace, null, "Bearer " + OPERATOR_TOKEN).statusCode());
        assertEquals(200, call(trustOnly(), "GET", "/api/v1/admin/dead-letters?partner=MK", null,
                "Bearer " + OPERATOR_TOKEN).statusCode());

        HttpResponse<String> replay = call(trustOnly(), "POST", "/api/v1/admin/dead-letters/MK/replay", "{\"all\": true}",
                basic("ops", OPERATOR_PASSWORD));
        assertEquals(403, replay.statusCode(), replay.body());
        AccessRefusal refusal = JSON.readValue(replay.body(), AccessRefusal.class);
        assertEquals("forbidden", refusal.error());
        assertTrue(refusal.message().contains("'ops' (role operator)") && refusal.requires().contains("role admin"),
                refusal.message() + " / " + refusal.requires());

        HttpResponse<String> byAdmin = call(trustOnly(), "POST", "/api/v1/admin/dead-letters/MK/replay", "{\"all\": true}",
                "Bearer " + TwoGateways.OPERATOR_TOKEN);
        assertEquals(200, byAdmin.statusCode(), byAdmin.body());
        assertTrue(byAdmin.body().contains("\"partner\":\"MK\""), byAdmin.body());
    }

    // ---- SOAP ----

    @Test
    @Order(30)
    void soap_without_credentials_is_refused_with_401_and_a_client_fault_and_accepted_with_them() throws Exception {
        String notification = Files.readString(ExchangeEndToEndIT.RS_TO_MK);
        String body = notification.substring(notification.indexOf("<PreArrivalNotification"))
                .replaceFirst("<MessageId>[^<]*</MessageId>", "<MessageId>ACCESS-" + TokenDigest.newToken().substring(0, 20) + "</MessageId>");
        String envelope = "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Body><SubmitNotification "
                + "xmlns=\"urn:c2c-gateway:national-submission:v1\">" + body + "</SubmitNotification></soap:Body></soap:Envelope>";
        long queued = TwoGateways.messagesAdded(gateways.rs, Queues.outbound("MK"));

        HttpResponse<String> anonymous = soap(trustOnly(), envelope, null);
        HttpResponse<String> wrongToken = soap(trustOnly(), envelope, "Bearer " + TokenDigest.newToken());
        HttpResponse<String> otherCountry = soap(TwoGateways.nationalTls("mk"), envelope, null);

        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm="),
                anonymous.headers().map().toString());
        assertTrue(anonymous.body().contains("<faultcode>soap:Client</faultcode>") && anonymous.body().contains("no credentials"),
                anonymous.body());
        assertEquals(401, wrongToken.statusCode(), wrongToken.body());
        assertEquals(403, otherCountry.statusCode(), otherCountry.body());
        assertTrue(otherCountry.body().contains("own country"), otherCountry.body());
        assertEquals(queued, TwoGateways.messagesAdded(gateways.rs, Queues.outbound("MK")), "nothing queued when refused");

        HttpResponse<String> byCertificate = soap(TwoGateways.nationalTls("rs"), envelope, null);
        assertEquals(200, byCertificate.statusCode(), byCertificate.body());
        HttpResponse<String> byToken = soap(trustOnly(), envelope, "Bearer " + RS_NATIONAL_TOKEN);
        assertEquals(200, byToken.statusCode(), byToken.body());
        assertTrue(byToken.body().contains("<Duplicate>true</Duplicate>"), byToken.body());
    }

    // ---- national queue ----

    @Test
    @Order(40)
    void national_queue_refuses_a_wrong_password_and_anonymous_and_serves_the_national_account() throws Exception {
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + acceptorPort);

        assertThrows(JMSSecurityException.class, () -> broker.createConnection("national", "wrong").close());
        assertThrows(JMSSecurityException.class, () -> broker.createConnection().close());
        assertThrows(JMSSecurityException.class, () -> broker.createConnection("c2c-gateway", NATIONAL_QUEUE_PASSWORD).close());

        try (Connection jms = broker.createConnection("national", NATIONAL_QUEUE_PASSWORD)) {
            jms.start();
            Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue replies = session.createQueue("national.intake.reply");
            var request = session.createBytesMessage();
            request.writeBytes(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
            request.setJMSCorrelationID("access-" + TokenDigest.newToken());
            request.setJMSReplyTo(replies);
            session.createProducer(session.createQueue("national.intake")).send(request);
            try (MessageConsumer consumer = session.createConsumer(replies, "JMSCorrelationID = '" + request.getJMSCorrelationID() + "'")) {
                Message reply = consumer.receive(Duration.ofSeconds(30).toMillis());
                assertNotNull(reply, "an answer on the reply queue");
                assertEquals("ACCEPTED", reply.getStringProperty("c2cOutcome"));
            }
            // the account reaches its two queues and nothing else
            assertThrows(JMSSecurityException.class, () -> session.createConsumer(session.createQueue(Queues.outbound("MK"))));
            assertThrows(JMSSecurityException.class, () -> session.createConsumer(session.createQueue(Queues.IN_NATIONAL)));
            assertThrows(JMSSecurityException.class, () -> session.createProducer(session.createQueue(Queues.outbound("MK")))
                    .send(session.createTextMessage("<forged/>")));
            assertThrows(JMSSecurityException.class, session::createTemporaryQueue);
        }
    }

    // ---- secrets ----

    @Test
    @Order(100)
    void no_secret_appears_in_any_answer_or_log_line() throws Exception {
        ANSWERS.add(call(trustOnly(), "GET", "/swagger/c2c-gateway-0.1.yml", null, null).body());
        String devSecrets = Files.readString(TwoGateways.HOME.resolve("config/rs/secrets.dev.yml"));
        List<String> secrets = new ArrayList<>(List.of(RS_NATIONAL_TOKEN, MK_NATIONAL_TOKEN, OPERATOR_PASSWORD, OPERATOR_TOKEN,
                NATIONAL_QUEUE_PASSWORD, TwoGateways.OPERATOR_TOKEN, OPERATOR_PASSWORD_HASH, NATIONAL_QUEUE_PASSWORD_HASH,
                TokenDigest.sha256Hex(RS_NATIONAL_TOKEN), TokenDigest.sha256Hex(OPERATOR_TOKEN), "changeit"));
        devSecrets.lines().filter(l -> l.contains("pbkdf2-sha256$") || l.contains("-sha256:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim().replace("\"", "")).forEach(secrets::add);
        String logged = LOG.text();
        assertTrue(ANSWERS.size() > 20, "answers recorded: " + ANSWERS.size());
        assertTrue(logged.contains("c2c"), "log captured");

        for (String secret : secrets) {
            assertTrue(secret.length() >= 8, secret.length() + " chars");
            for (String answer : ANSWERS) {
                assertFalse(answer.contains(secret), "an API answer holds a secret: " + answer);
            }
            assertFalse(logged.contains(secret), "the log holds a secret");
        }
    }

    // ---- helpers ----

    static HttpResponse<String> call(SSLContext tls, String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + gateways.rsPort + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", path.contains("/admin/") ? "application/json" : "application/xml");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client(tls).send(request.build(), HttpResponse.BodyHandlers.ofString());
        return record(response);
    }

    static HttpResponse<String> soap(SSLContext tls, String envelope, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + soapPort + "/soap/notifications"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return record(client(tls).send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static HttpResponse<String> record(HttpResponse<String> response) {
        record(response.body() + " " + response.headers().map());
        return response;
    }

    static void record(String answer) {
        ANSWERS.add(answer);
    }

    static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Trusts the development root, presents no client certificate. */
    static SSLContext trustOnly() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TwoGateways.HOME.resolve("certs-dev/pki/truststore.p12"))) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    /** Everything every logger writes while the gateways run, messages and stack traces alike. */
    static final class LogCapture extends AppenderBase<ILoggingEvent> {

        private final StringBuffer text = new StringBuffer();

        @Override
        protected void append(ILoggingEvent event) {
            text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }

        @Override
        public void start() {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            setContext(root.getLoggerContext());
            root.addAppender(this);
            super.start();
        }

        @Override
        public void stop() {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
            super.stop();
        }

        String text() {
            return text.toString();
        }
    }
}
