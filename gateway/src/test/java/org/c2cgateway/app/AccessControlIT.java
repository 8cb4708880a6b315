package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

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
import org.c2cgateway.app.api.AccessRefusalController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.app.trace.TracedAccessRefusal;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.AccessChannel;
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
 * queue; each refusal, on every channel, is traced once as an access refusal that operators can read; and
 * no secret ever shows in an answer, a log line or a traced refusal.
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
    /** What an Authorization header's value looks like: a scheme and a credential of some length. */
    static final Pattern AUTHORIZATION_VALUE = Pattern.compile("(?i)(Bearer|Basic)\\s+[A-Za-z0-9+/=_.-]{8,}");

    /** Every endpoint of the national and operator APIs (and a future admin one), with a body where it takes one. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/api/v1/notifications", "<x/>"},
            new String[] {"GET", "/api/v1/inbox", null},
            new String[] {"GET", "/api/v1/inbox/some-id", null},
            new String[] {"POST", "/api/v1/inbox/some-id/ack", ""},
            new String[] {"GET", "/api/v1/messages", null},
            new String[] {"GET", "/api/v1/messages/some-id", null},
            new String[] {"GET", "/api/v1/admin/dead-letters", null},
            new String[] {"POST", "/api/v1/admin/dead-letters/MK/replay", "{\"all\": true}"},
            new String[] {"POST", "/api/v1/admin/keys/reload", ""},
            new String[] {"GET", "/api/v1/rules", null},
            new String[] {"POST", "/api/v1/rules/explain", "<x/>"},
            new String[] {"GET", "/api/v1/admin/rules/lint", null},
            new String[] {"POST", "/api/v1/admin/rules/reload", ""},
            new String[] {"GET", "/api/v1/admin/refusals", null},
            new String[] {"GET", "/api/v1/admin/access-refusals", null});

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
        rs.put("c2c.inbound.refusals-per-second", 10_000); // every refusal below is traced, however fast they come
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
        for (boolean withCertificate : List.of(false, true)) { // no certificate; a trusted but unknown one
            SSLContext anonymous = withCertificate ? TwoGateways.tls("rs") : trustOnly();
            for (String[] endpoint : ENDPOINTS) {
                Refused refused = refused(401, endpoint[0], endpoint[1],
                        () -> call(anonymous, endpoint[0], endpoint[1], endpoint[2], null));
                HttpResponse<String> response = refused.response();
                assertNull(refused.traced().caller(), refused.traced().toString());
                assertNotNull(refused.traced().remoteAddress(), refused.traced().toString());
                assertEquals(withCertificate, refused.traced().certificateSubject() != null, refused.traced().toString());

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
        HttpResponse<String> noLogin = refused(401, "GET", "/api/v1/messages/x",
                () -> call(trustOnly(), "GET", "/api/v1/messages/x", null, null)).response();
        assertTrue(noLogin.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), noLogin.headers().map().toString());

        Refused wrongPassword = refused(401, "GET", "/api/v1/messages/x",
                () -> call(trustOnly(), "GET", "/api/v1/messages/x", null, basic("ops", "wrong")));
        Refused unknownUser = refused(401, "GET", "/api/v1/messages/x",
                () -> call(trustOnly(), "GET", "/api/v1/messages/x", null, basic("nobody", OPERATOR_PASSWORD)));
        Refused wrongToken = refused(401, "GET", "/api/v1/inbox", () -> call(TwoGateways.nationalTls("rs"), "GET",
                "/api/v1/inbox", null, "Bearer " + TokenDigest.newToken()));

        for (Refused refused : List.of(wrongPassword, unknownUser, wrongToken)) {
            assertTrue(refused.response().body().contains("were not accepted"), refused.response().body());
            assertNull(refused.traced().caller(), "a caller whose credentials failed is not named: " + refused.traced());
        }
        assertTrue(wrongToken.traced().certificateSubject().contains("CN=RS national customs system"),
                "the certificate presented is traced by its subject: " + wrongToken.traced());
    }

    @Test
    @Order(3)
    void management_endpoints_are_not_exposed() throws Exception {
        for (String path : List.of("/env", "/beans", "/loggers", "/routes", "/refresh", "/info")) {
            Refused refused = refused(403, "GET", path, () -> call(trustOnly(), "GET", path, null, "Bearer " + TwoGateways.OPERATOR_TOKEN));
            assertTrue(refused.response().body().contains("no access rule opens this path"), refused.response().body());
            assertEquals("admin", refused.traced().callerRole(), refused.traced().toString());
            assertNotNull(refused.traced().caller(), refused.traced().toString());
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
        Refused byCertificate = refused(403, "GET", "/api/v1/inbox",
                () -> call(TwoGateways.nationalTls("mk"), "GET", "/api/v1/inbox", null, null));
        Refused byToken = refused(403, "GET", "/api/v1/inbox",
                () -> call(trustOnly(), "GET", "/api/v1/inbox", null, "Bearer " + MK_NATIONAL_TOKEN));
        String notification = Files.readString(ExchangeEndToEndIT.RS_TO_MK);
        Refused submission = refused(403, "POST", "/api/v1/notifications",
                () -> call(TwoGateways.nationalTls("mk"), "POST", "/api/v1/notifications", notification, null));

        for (Refused refused : List.of(byCertificate, byToken, submission)) {
            AccessRefusal refusal = JSON.readValue(refused.response().body(), AccessRefusal.class);
            assertEquals("forbidden", refusal.error());
            assertTrue(refusal.message().contains("'mk-national' of MK") && refusal.message().contains("own country"),
                    refusal.message());
            assertEquals(List.of("mk-national", "national", "MK"), List.of(refused.traced().caller(),
                    refused.traced().callerRole(), refused.traced().callerCountry()), refused.traced().toString());
        }
        assertEquals("CN=MK national customs system,O=Customs administration MK,C=MK",
                byCertificate.traced().certificateSubject());
        assertNull(byToken.traced().certificateSubject());
    }

    @Test
    @Order(12)
    void national_system_may_not_use_the_operator_api() throws Exception {
        Refused refused = refused(403, "GET", "/api/v1/messages/x",
                () -> call(TwoGateways.nationalTls("rs"), "GET", "/api/v1/messages/x", null, null));

        assertTrue(refused.response().body().contains("role operator or admin"), refused.response().body());
        assertEquals(List.of("rs-national", "national", "RS"), List.of(refused.traced().caller(),
                refused.traced().callerRole(), refused.traced().callerCountry()), refused.traced().toString());
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

        Refused refused = refused(403, "POST", "/api/v1/admin/dead-letters/MK/replay", () -> call(trustOnly(), "POST",
                "/api/v1/admin/dead-letters/MK/replay", "{\"all\": true}", basic("ops", OPERATOR_PASSWORD)));
        assertEquals(List.of("ops", "operator"), List.of(refused.traced().caller(), refused.traced().callerRole()));
        assertNull(refused.traced().callerCountry());
        AccessRefusal refusal = JSON.readValue(refused.response().body(), AccessRefusal.class);
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

        HttpResponse<String> anonymous = soapRefused(401, trustOnly(), envelope, null).response();
        HttpResponse<String> wrongToken = soapRefused(401, trustOnly(), envelope, "Bearer " + TokenDigest.newToken()).response();
        Refused otherCountry = soapRefused(403, TwoGateways.nationalTls("mk"), envelope, null);
        assertEquals(List.of("mk-national", "national", "MK"), List.of(otherCountry.traced().caller(),
                otherCountry.traced().callerRole(), otherCountry.traced().callerCountry()), otherCountry.traced().toString());
        assertEquals("CN=MK national customs system,O=Customs administration MK,C=MK",
                otherCountry.traced().certificateSubject());

        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm="),
                anonymous.headers().map().toString());
        assertTrue(anonymous.body().contains("<faultcode>soap:Client</faultcode>") && anonymous.body().contains("no credentials"),
                anonymous.body());
        assertTrue(wrongToken.body().contains("were not accepted"), wrongToken.body());
        assertTrue(otherCountry.response().body().contains("own country"), otherCountry.response().body());
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

        for (String[] login : new String[][] {{"national", "wrong"}, {null, null}, {"c2c-gateway", NATIONAL_QUEUE_PASSWORD}}) {
            AccessRefusalCheck check = AccessRefusalCheck.before(gateways.rs);
            assertThrows(JMSSecurityException.class, () -> broker.createConnection(login[0], login[1]).close());
            TracedAccessRefusal traced = check.assertOneTraced(AccessChannel.QUEUE, 401, "CONNECT", null);
            assertTrue(traced.remoteAddress().startsWith("127.0.0.1"), traced.toString());
            assertNull(traced.caller(), traced.toString());
            assertTrue(traced.reason().contains(login[0] == null ? "no credentials"
                    : login[0].equals("national") ? "not accepted" : "over the network"), traced.toString());
        }

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
            // the account reaches its two queues and nothing else, and each attempt at more is traced
            AccessRefusalCheck check = AccessRefusalCheck.before(gateways.rs);
            assertThrows(JMSSecurityException.class, () -> session.createConsumer(session.createQueue(Queues.outbound("MK"))));
            assertForbiddenOnQueue(check, "CONSUME", Queues.outbound("MK"));
            AccessRefusalCheck national = AccessRefusalCheck.before(gateways.rs);
            assertThrows(JMSSecurityException.class, () -> session.createConsumer(session.createQueue(Queues.IN_NATIONAL)));
            assertForbiddenOnQueue(national, "CONSUME", Queues.IN_NATIONAL);
            AccessRefusalCheck send = AccessRefusalCheck.before(gateways.rs);
            assertThrows(JMSSecurityException.class, () -> session.createProducer(session.createQueue(Queues.outbound("MK")))
                    .send(session.createTextMessage("<forged/>")));
            assertForbiddenOnQueue(send, "SEND", Queues.outbound("MK"));
            AccessRefusalCheck temporary = AccessRefusalCheck.before(gateways.rs);
            assertThrows(JMSSecurityException.class, session::createTemporaryQueue);
            assertEquals(403, temporary.await(1).get(0).status());
        }
    }

    // ---- the trace of access refusals ----

    @Test
    @Order(50)
    void operators_read_the_access_refusals_newest_first_by_page_and_national_systems_may_not() throws Exception {
        Refused national = refused(403, "GET", "/api/v1/admin/access-refusals",
                () -> call(TwoGateways.nationalTls("rs"), "GET", "/api/v1/admin/access-refusals?page=0&size=2", null, null));
        assertEquals("rs-national", national.traced().caller());
        long traced = AccessRefusalCheck.all(gateways.rs).size();

        AccessRefusalController.Page first = refusalPage(0, 3);
        AccessRefusalController.Page second = refusalPage(1, 3);

        assertEquals(traced, first.total());
        assertEquals(3, first.refusals().size());
        assertEquals(national.traced().id(), first.refusals().get(0).id(), "the newest first");
        List<AccessRefusalController.Entry> both = new ArrayList<>(first.refusals());
        both.addAll(second.refusals());
        for (int i = 1; i < both.size(); i++) {
            assertTrue(both.get(i).id() < both.get(i - 1).id() && !both.get(i).refusedAt().isAfter(both.get(i - 1).refusedAt()),
                    "newest first across pages: " + both);
        }
        assertEquals(AccessChannel.REST, first.refusals().get(0).channel());
        assertEquals("GET", first.refusals().get(0).method());

        HttpResponse<String> tooLarge = call(trustOnly(), "GET", "/api/v1/admin/access-refusals?size=100000", null,
                "Bearer " + OPERATOR_TOKEN);
        assertEquals(400, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("size between 1 and"), tooLarge.body());

        String metrics = call(trustOnly(), "GET", "/prometheus", null, "Bearer " + OPERATOR_TOKEN).body();
        for (String series : List.of("channel=\"REST\",status=\"401\"", "channel=\"REST\",status=\"403\"",
                "channel=\"SOAP\",status=\"401\"", "channel=\"SOAP\",status=\"403\"", "channel=\"QUEUE\",status=\"401\"")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("c2c_access_refusals_total{") && l.contains(series)),
                    series + " in " + metrics.lines().filter(l -> l.startsWith("c2c_access")).toList());
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
        devSecrets.lines().filter(l -> l.contains("pbkdf2-sha256$") || l.contains("-sha256:")
                        || l.trim().startsWith("pseudonym-key:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim().replace("\"", "")).forEach(secrets::add);
        String logged = LOG.text();
        assertTrue(ANSWERS.size() > 20, "answers recorded: " + ANSWERS.size());
        assertTrue(logged.contains("c2c"), "log captured");

        List<TracedAccessRefusal> traced = AccessRefusalCheck.all(gateways.rs);
        assertTrue(traced.size() > 30, "access refusals traced: " + traced.size());
        for (TracedAccessRefusal refusal : traced) {
            assertFalse(AUTHORIZATION_VALUE.matcher(refusal.toString()).find(),
                    "a traced access refusal holds an Authorization value: " + refusal);
        }

        for (String secret : secrets) {
            assertTrue(secret.length() >= 8, secret.length() + " chars");
            for (TracedAccessRefusal refusal : traced) {
                assertFalse(refusal.toString().contains(secret), "a traced access refusal holds a secret: " + refusal);
            }
            for (String answer : ANSWERS) {
                assertFalse(answer.contains(secret), "an API answer holds a secret: " + answer);
            }
            assertFalse(logged.contains(secret), "the log holds a secret");
        }
    }

    // ---- helpers ----

    /** A refused call's answer and the access refusal it left in the trace. */
    record Refused(HttpResponse<String> response, TracedAccessRefusal traced) {
    }

    /**
     * Makes a REST call that must be refused with {@code status}, and checks that exactly one access refusal
     * was traced for it, saying what the JSON answer said.
     */
    static Refused refused(int status, String method, String path, Callable<HttpResponse<String>> call) throws Exception {
        AccessRefusalCheck check = AccessRefusalCheck.before(gateways.rs);
        HttpResponse<String> response = call.call();
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        AccessRefusal refusal = JSON.readValue(response.body(), AccessRefusal.class);
        TracedAccessRefusal traced = check.assertOneTraced(AccessChannel.REST, status, method, path);
        assertEquals(refusal.message(), traced.reason(), "the refusal traced says what the caller was told");
        return new Refused(response, traced);
    }

    /** A SOAP submission that must be refused with {@code status}, traced once with the fault's reason. */
    static Refused soapRefused(int status, SSLContext tls, String envelope, String authorization) throws Exception {
        AccessRefusalCheck check = AccessRefusalCheck.before(gateways.rs);
        HttpResponse<String> response = soap(tls, envelope, authorization);
        assertEquals(status, response.statusCode(), response.body());
        TracedAccessRefusal traced = check.assertOneTraced(AccessChannel.SOAP, status, "POST", "/soap/notifications");
        assertTrue(response.body().contains("<faultstring>" + traced.reason() + "</faultstring>"),
                "the refusal traced says what the caller was told: " + traced.reason() + " / " + response.body());
        return new Refused(response, traced);
    }

    /** Exactly one operation refused to the national account (403) on this queue was traced. */
    static void assertForbiddenOnQueue(AccessRefusalCheck check, String operation, String queue) throws Exception {
        List<TracedAccessRefusal> since = check.await(1);
        assertEquals(1, since.size(), "access refusals traced: " + since);
        TracedAccessRefusal traced = since.get(0);
        assertEquals(AccessChannel.QUEUE, traced.channel(), traced.toString());
        assertEquals(403, traced.status(), traced.toString());
        assertEquals(operation, traced.method(), traced.toString());
        assertTrue(traced.path().startsWith(queue), traced.toString());
        assertEquals(List.of("national", "national"), List.of(traced.caller(), traced.callerRole()), traced.toString());
    }

    static AccessRefusalController.Page refusalPage(int page, int size) throws Exception {
        HttpResponse<String> response = call(trustOnly(), "GET", "/api/v1/admin/access-refusals?page=" + page + "&size=" + size,
                null, "Bearer " + OPERATOR_TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readValue(response.body(), AccessRefusalController.Page.class);
    }

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
