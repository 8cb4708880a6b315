package org.c2cgateway.app.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.Delivered;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.queue.Queues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national SOAP and queue channels against two real gateways (persistent Artemis journals, H2
 * trace stores, TLS on loopback, real AS4 between them): what RS's national system submits over SOAP
 * or its intake queue, MK's national system reads; rejections carry every finding and queue nothing;
 * a resubmitted national message id is answered with the original gateway message id and sent once.
 */
class NationalChannelsIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path SAMPLES = IntakeGateways.HOME.resolve("config/samples");
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String OUT_MK = Queues.outbound("MK");

    @TempDir
    static Path data;
    static IntakeGateways gateways;
    static NationalSystemClient rsNational;
    static NationalSystemClient mkNational;
    static HttpClient soap;
    static Connection jms;

    @BeforeAll
    static void start() throws Exception {
        gateways = new IntakeGateways(data);
        rsNational = gateways.national("rs");
        mkNational = gateways.national("mk");
        soap = HttpClient.newBuilder().sslContext(IntakeGateways.tls("rs")).connectTimeout(Duration.ofSeconds(5)).build();
        jms = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + gateways.rsAcceptorPort)
                .createConnection("national", IntakeGateways.NATIONAL_QUEUE_PASSWORD);
        jms.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jms != null) {
            jms.close();
        }
        if (gateways != null) {
            gateways.close();
        }
    }

    // ---- SOAP ----

    @Test
    void soap_submission_reaches_mk_inbox_with_the_data_of_the_embedded_notification() throws Exception {
        String notification = embeddable(sample("valid/rs-to-mk-pre-arrival.xml", uniqueId()));

        HttpResponse<String> response = postSoap(envelope(notification));

        assertEquals(200, response.statusCode(), response.body());
        String messageId = element(response.body(), "GatewayMessageId");
        assertEquals("QUEUED", element(response.body(), "Status"));
        assertEquals("false", element(response.body(), "Duplicate"));
        assertEquals(List.of("RS-MK-SEED v2"), elements(response.body(), "Agreement"), "one receiver, and its agreement");
        InboxController.Item item = awaitInMkInbox(messageId);
        Delivered.assertSameData(notification.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(item.payload()));
        MessageController.Timeline trace = rsNational.trace(messageId);
        assertTrue(trace.events().get(0).detail().contains("over SOAP"), trace.events().get(0).detail());
    }

    @Test
    void soap_rejection_is_a_client_fault_listing_every_finding_and_nothing_is_queued() throws Exception {
        String invalid = embeddable(sample("valid/rs-to-mk-pre-arrival.xml", uniqueId()))
                .replaceFirst("<CommodityCode>[0-9]{6}</CommodityCode>", "<CommodityCode>12AB</CommodityCode>")
                .replaceFirst("<MRN>[^<]*</MRN>", "<MRN>bad</MRN>");
        long queuedBefore = gateways.messagesAdded(gateways.rs, OUT_MK);

        HttpResponse<String> response = postSoap(envelope(invalid));

        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("<faultcode>soap:Client</faultcode>"), response.body());
        List<String> rules = elements(response.body(), "Rule");
        assertTrue(rules.size() >= 2, response.body());
        assertTrue(elements(response.body(), "Path").stream().anyMatch(p -> p.endsWith("/CommodityCode")), response.body());
        assertTrue(elements(response.body(), "Path").stream().anyMatch(p -> p.endsWith("/MRN")), response.body());
        assertEquals(List.of("12", "12"), elements(response.body(), "NctsCategory"), "pattern violations are NCTS 12");
        assertEquals(queuedBefore, gateways.messagesAdded(gateways.rs, OUT_MK));
    }

    @Test
    void soap_resubmission_returns_the_original_gateway_id_and_is_sent_once() throws Exception {
        String nationalId = uniqueId();
        String notification = embeddable(sample("valid/rs-to-mk-pre-arrival.xml", nationalId));
        HttpResponse<String> first = postSoap(envelope(notification));
        assertEquals(200, first.statusCode(), first.body());
        String messageId = element(first.body(), "GatewayMessageId");
        awaitInMkInbox(messageId);
        long queuedBefore = gateways.messagesAdded(gateways.rs, OUT_MK);

        HttpResponse<String> again = postSoap(envelope(notification));

        assertEquals(200, again.statusCode(), again.body());
        assertEquals(messageId, element(again.body(), "GatewayMessageId"));
        assertEquals("true", element(again.body(), "Duplicate"));
        assertEquals(queuedBefore, gateways.messagesAdded(gateways.rs, OUT_MK), "nothing queued again");
        assertEquals(1, mkNational.inbox().stream().filter(i -> i.nationalMessageId().equals(nationalId)).count());
        assertTrue(events(rsNational.trace(messageId)).contains("DUPLICATE_RECEIVED"));
    }

    @Test
    void soap_xxe_and_billion_laughs_are_refused_as_dtd_forbidden() throws Exception {
        for (String attack : List.of("invalid/xxe.xml", "invalid/billion-laughs.xml")) {
            String file = Files.readString(SAMPLES.resolve(attack));
            String doctype = file.substring(file.indexOf("<!DOCTYPE"), file.indexOf("]>") + 2);
            String root = doctype.contains("ExitNotification") ? "ExitNotification" : "PreArrivalNotification";
            String request = doctype.replace(root, "soap:Envelope").replaceFirst("<!DOCTYPE soap:Envelope", "<!DOCTYPE soap:Envelope")
                    + envelope(file.substring(file.indexOf("<" + root + " ")));

            HttpResponse<String> response = postSoap(request);

            assertEquals(500, response.statusCode(), attack);
            assertEquals(List.of("XML:dtd-forbidden"), elements(response.body(), "Rule"), response.body());
        }
    }

    @Test
    void soap_oversize_notification_and_oversize_request_are_refused_with_the_limit() throws Exception {
        String padding = "<!--" + "x".repeat((int) IntakeGateways.MAX_PAYLOAD_BYTES) + "-->";
        String big = embeddable(sample("valid/rs-to-mk-pre-arrival.xml", uniqueId()))
                .replace("<MRN>", padding + "<MRN>");
        HttpResponse<String> response = postSoap(envelope(big));
        assertEquals(500, response.statusCode());
        assertEquals(List.of("LIMIT:payload-size"), elements(response.body(), "Rule"), response.body());

        String huge = envelope(big).replace("<soap:Body>", "<soap:Body>" + padding + padding);
        response = postSoap(huge);
        assertEquals(500, response.statusCode());
        assertEquals(List.of("LIMIT:request-size"), elements(response.body(), "Rule"), response.body());
    }

    @Test
    void soap_service_serves_its_wsdl() throws Exception {
        HttpResponse<String> wsdl = soap.send(HttpRequest.newBuilder(soapUri("?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("SubmitNotification"), wsdl.body());
        assertTrue(wsdl.body().contains("urn:c2c-gateway:notification:v1"), wsdl.body());
    }

    // ---- queue ----

    @Test
    void queued_submission_is_acknowledged_on_the_reply_queue_and_reaches_mk_with_the_same_data() throws Exception {
        byte[] notification = sample("valid/rs-to-mk-pre-arrival.xml", uniqueId()).getBytes(StandardCharsets.UTF_8);

        Message reply = submitToQueue(notification, "corr-" + UUID.randomUUID());

        assertEquals("ACCEPTED", reply.getStringProperty("c2cOutcome"), ((TextMessage) reply).getText());
        String messageId = reply.getStringProperty("c2cMessageId");
        assertEquals(messageId, element(((TextMessage) reply).getText(), "GatewayMessageId"));
        assertEquals("QUEUED", reply.getStringProperty("c2cStatus"));
        InboxController.Item item = awaitInMkInbox(messageId);
        Delivered.assertSameData(notification, Base64.getDecoder().decode(item.payload()));
    }

    @Test
    void queued_invalid_notification_gets_a_rejection_with_findings_and_nothing_is_queued() throws Exception {
        byte[] invalid = sample("valid/rs-to-mk-pre-arrival.xml", uniqueId())
                .replaceFirst("<CommodityCode>[0-9]{6}</CommodityCode>", "<CommodityCode>12AB</CommodityCode>")
                .getBytes(StandardCharsets.UTF_8);
        long queuedBefore = gateways.messagesAdded(gateways.rs, OUT_MK);

        Message reply = submitToQueue(invalid, "corr-" + UUID.randomUUID());

        assertEquals("REJECTED", reply.getStringProperty("c2cOutcome"));
        String body = ((TextMessage) reply).getText();
        assertTrue(elements(body, "Path").stream().anyMatch(p -> p.endsWith("/CommodityCode")), body);
        assertTrue(elements(body, "Rule").stream().allMatch(r -> !r.isBlank()), body);
        assertEquals(queuedBefore, gateways.messagesAdded(gateways.rs, OUT_MK));
    }

    @Test
    void queued_resubmission_is_answered_with_the_original_id_and_sent_once() throws Exception {
        String nationalId = uniqueId();
        byte[] notification = sample("valid/rs-to-mk-pre-arrival.xml", nationalId).getBytes(StandardCharsets.UTF_8);
        Message first = submitToQueue(notification, "corr-" + UUID.randomUUID());
        String messageId = first.getStringProperty("c2cMessageId");
        awaitInMkInbox(messageId);
        long queuedBefore = gateways.messagesAdded(gateways.rs, OUT_MK);

        Message again = submitToQueue(notification, null); // correlated by its JMSMessageID

        assertEquals("DUPLICATE", again.getStringProperty("c2cOutcome"));
        assertEquals(messageId, again.getStringProperty("c2cMessageId"));
        assertTrue(again.getBooleanProperty("c2cDuplicate"));
        assertEquals(queuedBefore, gateways.messagesAdded(gateways.rs, OUT_MK), "nothing queued again");
        assertEquals(1, mkNational.inbox().stream().filter(i -> i.nationalMessageId().equals(nationalId)).count());
    }

    @Test
    void queued_xxe_billion_laughs_and_oversize_are_rejected_with_a_clear_rule() throws Exception {
        for (String attack : List.of("invalid/xxe.xml", "invalid/billion-laughs.xml")) {
            Message reply = submitToQueue(Files.readAllBytes(SAMPLES.resolve(attack)), "corr-" + UUID.randomUUID());
            assertEquals("REJECTED", reply.getStringProperty("c2cOutcome"));
            assertEquals(List.of("XML:dtd-forbidden"), elements(((TextMessage) reply).getText(), "Rule"));
        }
        byte[] oversize = new byte[(int) IntakeGateways.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(oversize, (byte) ' ');
        oversize[0] = '<';
        Message reply = submitToQueue(oversize, "corr-" + UUID.randomUUID());
        assertEquals("REJECTED", reply.getStringProperty("c2cOutcome"));
        assertEquals(List.of("LIMIT:payload-size"), elements(((TextMessage) reply).getText(), "Rule"));
    }

    @Test
    void unparseable_messages_go_to_the_dead_letter_queue_with_a_reason_and_do_not_block_the_queue() throws Exception {
        try (Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue("national.intake"));
            producer.send(session.createTextMessage("MRN=26RS0110T0000452M5; not XML at all"));
            producer.send(session.createBytesMessage()); // empty
            jakarta.jms.MapMessage map = session.createMapMessage();
            map.setString("MessageId", "x");
            producer.send(map);
        }
        Message after = submitToQueue(sample("valid/rs-to-mk-pre-arrival.xml", uniqueId()).getBytes(StandardCharsets.UTF_8),
                "corr-" + UUID.randomUUID());
        assertEquals("ACCEPTED", after.getStringProperty("c2cOutcome"), "the queue moves on");

        // the dead-letter queue is the operators' business, not the national account's: read it as the gateway does
        try (Connection gateway = gateways.rs.getBean(jakarta.jms.ConnectionFactory.class).createConnection();
             Session session = gateway.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer dead = session.createConsumer(session.createQueue("DLQ.national.intake"))) {
            gateway.start();
            List<String> reasons = new java.util.ArrayList<>();
            for (Message m = dead.receive(5_000); m != null; m = reasons.size() < 3 ? dead.receive(5_000) : null) {
                reasons.add(m.getStringProperty("c2cDeadLetterReason"));
                assertNotNull(m.getStringProperty("c2cOriginalMessageId"));
            }
            var broker = gateways.rs.getBean(org.c2cgateway.app.broker.EmbeddedBroker.class);
            assertEquals(3, reasons.size(), reasons + " intake=" + broker.messageCount("national.intake") + " dlq="
                    + broker.messageCount("DLQ.national.intake") + " dlqAdded=" + broker.messagesAdded("DLQ.national.intake") + " replies=" + broker.messageCount("national.intake.reply"));
            assertTrue(reasons.get(0).contains("not XML"), reasons.toString());
            assertTrue(reasons.get(1).contains("empty") || reasons.get(1).contains("not XML"), reasons.toString());
            assertTrue(reasons.get(2).contains("MapMessage") || reasons.get(2).contains("Map"), reasons.toString());
        }
    }

    // ---- helpers ----

    /**
     * Sends a notification as a BytesMessage and waits for the answer with its correlation id on the reply
     * queue (the national account may create no queues of its own).
     */
    static Message submitToQueue(byte[] notification, String correlationId) throws Exception {
        try (Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            jakarta.jms.Queue replies = session.createQueue("national.intake.reply");
            BytesMessage request = session.createBytesMessage();
            request.writeBytes(notification);
            request.setJMSReplyTo(replies);
            if (correlationId != null) {
                request.setJMSCorrelationID(correlationId);
            }
            session.createProducer(session.createQueue("national.intake")).send(request);
            String correlation = correlationId != null ? correlationId : request.getJMSMessageID();
            try (MessageConsumer consumer = session.createConsumer(replies, "JMSCorrelationID = '" + correlation + "'")) {
                Message reply = consumer.receive(TIMEOUT.toMillis());
                assertNotNull(reply, "an answer on the reply queue");
                assertEquals(correlationId != null ? correlationId : request.getJMSMessageID(), reply.getJMSCorrelationID());
                return reply;
            }
        }
    }

    static HttpResponse<String> postSoap(String envelope) throws Exception {
        return soap.send(HttpRequest.newBuilder(soapUri(""))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("SOAPAction", "\"urn:c2c-gateway:national-submission:v1:SubmitNotification\"")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI soapUri(String query) {
        return URI.create("https://localhost:" + gateways.rsSoapPort + "/soap/notifications" + query);
    }

    static String envelope(String notification) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Body>"
                + "<SubmitNotification xmlns=\"urn:c2c-gateway:national-submission:v1\">" + notification
                + "</SubmitNotification></soap:Body></soap:Envelope>";
    }

    /** A sample with a national message id of its own, so that tests do not see each other's as duplicates. */
    static String sample(String name, String nationalMessageId) throws Exception {
        return Files.readString(SAMPLES.resolve(name))
                .replaceFirst("<MessageId>[^<]*</MessageId>", "<MessageId>" + nationalMessageId + "</MessageId>");
    }

    /** The root element alone, without the XML declaration and comments before it. */
    static String embeddable(String document) {
        return document.substring(document.indexOf("<PreArrivalNotification")).stripTrailing();
    }

    static String uniqueId() {
        return "RS-IT-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** The one top-level element {@code name} of an answer; each receiver's {@code Delivery} repeats some names. */
    static String element(String xml, String name) {
        List<String> all = elements(xml.replaceAll("(?s)<(?:\\w+:)?Delivery>.*?</(?:\\w+:)?Delivery>", ""), name);
        assertEquals(1, all.size(), name + " in " + xml);
        return all.get(0);
    }

    static List<String> elements(String xml, String name) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + name + ">([^<]*)</(?:\\w+:)?" + name + ">").matcher(xml);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static InboxController.Item awaitInMkInbox(String messageId) throws Exception {
        return Await.until(messageId + " in MK's inbox", TIMEOUT,
                () -> mkNational.inbox().stream().filter(i -> i.messageId().equals(messageId)).findFirst());
    }

    static List<String> events(MessageController.Timeline timeline) {
        return timeline.events().stream().map(MessageController.Step::event).toList();
    }
}
