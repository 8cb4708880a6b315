package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.queue.MessageLogContext;

/**
 * What an operator's scraper and load balancer see after real exchanges between two gateways: RS sends one
 * notification to MK (delivered, acknowledged) and one to BG, whose endpoint nothing listens on (retried, then
 * dead-lettered). The counts, latencies, queue depths and the health of each part are read from {@code /prometheus}
 * and {@code /health} with an operator's token, as a scraper reads them.
 */
class MetricsAndHealthIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path RS_TO_BG = TwoGateways.HOME.resolve("config/samples/valid/rs-to-bg-pre-arrival.xml");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static NationalSystemClient rsNational;
    static NationalSystemClient mkNational;
    static final Captured LOG = new Captured();

    @BeforeAll
    static void startGateways() throws Exception {
        LOG.start();
        root().addAppender(LOG);
        gateways = new TwoGateways(data, Map.of(
                "c2c.partners.BG.endpoint", TwoGateways.as4Url(TwoGateways.freePort()), // nothing listens
                "c2c.partners.BG.retry.initial-delay", "20ms",
                "c2c.partners.BG.retry.max-delay", "100ms",
                "c2c.partners.BG.retry.time-to-live", "1500ms",
                "c2c.delivery.circuit-breaker.failure-threshold", 1000,
                "c2c.health.partner-check-interval", "200ms"));
        rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
        mkNational = TwoGateways.nationalSystem("mk", gateways.mkPort);
    }

    @AfterAll
    static void stopGateways() {
        root().detachAppender(LOG);
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void a_delivered_exchange_is_counted_and_timed_on_both_sides() throws Exception {
        String id = submit(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
        Await.until(id + " in MK's inbox", TIMEOUT, () -> mkNational.inbox().stream()
                .filter(i -> i.messageId().equals(id)).findFirst());
        assertEquals(200, mkNational.acknowledge(id).status());
        String type = rsNational.trace(id).type();

        String rs = Await.until("RS to count the delivery", TIMEOUT, () -> Optional.of(scrape(gateways.rsPort))
                .filter(m -> value(m, "c2c_messages_total", "partner", "MK", "outcome", "delivered").isPresent()));
        assertEquals(1.0, value(rs, "c2c_messages_total", "type", type, "partner", "MK", "direction", "outbound",
                "outcome", "accepted").orElseThrow(), rs);
        assertEquals(1.0, value(rs, "c2c_messages_total", "type", type, "partner", "MK", "direction", "outbound",
                "outcome", "delivered").orElseThrow());
        assertEquals(1.0, value(rs, "c2c_message_latency_seconds_count", "partner", "MK", "direction", "outbound",
                "outcome", "delivered").orElseThrow());
        assertEquals(1.0, value(rs, "c2c_message_latency_seconds_bucket", "partner", "MK", "direction", "outbound",
                "le", "+Inf").orElseThrow());
        assertTrue(value(rs, "c2c_message_latency_seconds_bucket", "partner", "MK", "le", "0.01").isPresent(),
                "SLO buckets from 10 ms");
        for (String step : List.of("validated", "queued", "sent", "receipt_verified")) {
            assertEquals(1.0, value(rs, "c2c_message_step_seconds_count", "partner", "MK", "direction", "outbound",
                    "step", step).orElseThrow(), step);
        }
        assertEquals(0.0, value(rs, "c2c_queue_depth", "queue", "out.MK").orElseThrow());
        assertEquals(0.0, value(rs, "c2c_dead_letters_waiting", "queue", "DLQ.out.MK").orElseThrow());
        assertTrue(value(rs, "c2c_certificate_days_left", "owner", "MK", "role", "signing").isPresent(), rs);
        assertTrue(value(rs, "c2c_rules_agreement_version", "partner", "MK").orElseThrow() >= 1, rs);
        // the opening, QUEUED and the receipt at least, in as many group transactions or fewer: no write failed
        // here, and only a failed batch runs its writes again, one transaction each
        double traceWrites = value(rs, "c2c_trace_group_writes_total").orElseThrow();
        double traceTransactions = value(rs, "c2c_trace_group_transactions_total").orElseThrow();
        assertTrue(traceWrites >= 3 && traceTransactions >= 1 && traceTransactions <= traceWrites,
                traceWrites + " writes in " + traceTransactions + " transactions");

        String mk = Await.until("MK to count the acknowledgement", TIMEOUT, () -> Optional.of(scrape(gateways.mkPort))
                .filter(m -> value(m, "c2c_messages_total", "outcome", "acknowledged").isPresent()));
        for (String outcome : List.of("accepted", "delivered", "acknowledged")) {
            assertEquals(1.0, value(mk, "c2c_messages_total", "type", type, "partner", "RS", "direction", "inbound",
                    "outcome", outcome).orElseThrow(), outcome);
        }
        assertEquals(1.0, value(mk, "c2c_message_latency_seconds_count", "partner", "RS", "direction", "inbound",
                "outcome", "acknowledged").orElseThrow());
        assertEquals(0.0, value(mk, "c2c_queue_depth", "queue", "in.national").orElseThrow(),
                "acknowledged, so no longer waiting");
    }

    @Test
    void sends_to_a_partner_that_is_down_count_as_retries_then_a_dead_letter_and_their_log_lines_name_the_message()
            throws Exception {
        String id = submit(TwoGateways.uniqueSample(RS_TO_BG));
        List<String> attempts = Await.until(id + " dead-lettered", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(id))
                .filter(t -> t.status().equals("FAILED"))
                .map(t -> t.events().stream().filter(e -> e.event().equals("SEND_FAILED")).map(e -> e.event()).toList()));

        String rs = Await.until("RS to count the dead letter", TIMEOUT, () -> Optional.of(scrape(gateways.rsPort))
                .filter(m -> value(m, "c2c_dead_letters_total", "partner", "BG").isPresent()));
        assertEquals(attempts.size(), value(rs, "c2c_delivery_retries_total", "partner", "BG", "direction", "outbound")
                .orElseThrow(), rs);
        assertEquals(1.0, value(rs, "c2c_dead_letters_total", "partner", "BG", "direction", "outbound").orElseThrow());
        assertEquals(1.0, value(rs, "c2c_messages_total", "partner", "BG", "outcome", "dead_lettered").orElseThrow());
        assertEquals(1.0, value(rs, "c2c_dead_letters_waiting", "queue", "DLQ.out.BG").orElseThrow());
        assertEquals(0.0, value(rs, "c2c_queue_depth", "queue", "out.BG").orElseThrow());
        assertEquals(attempts.size(), value(rs, "c2c_message_step_seconds_count", "partner", "BG", "step", "send_failed")
                .orElseThrow());

        List<ILoggingEvent> failures = LOG.events.stream()
                .filter(e -> e.getFormattedMessage().startsWith("sending " + id)).toList();
        assertFalse(failures.isEmpty(), "the outbound error policy logs each failed send");
        for (ILoggingEvent line : failures) {
            assertEquals(id, line.getMDCPropertyMap().get(MessageLogContext.MESSAGE_ID), line.toString());
            assertEquals("26RS0110T0000917J6", line.getMDCPropertyMap().get(MessageLogContext.MRN), line.toString());
        }
        for (String jsonLine : LogFormats.json().encode(failures)) {
            JsonNode parsed = JSON.readTree(jsonLine);
            assertEquals(id, parsed.path("mdc").path("messageId").asText(), jsonLine);
            assertEquals("26RS0110T0000917J6", parsed.path("mdc").path("mrn").asText(), jsonLine);
            assertTrue(parsed.path("formattedMessage").asText().startsWith("sending " + id), jsonLine);
        }
        assertTrue(LogFormats.text().encode(failures).get(0).contains("[messageId=" + id + " mrn=26RS0110T0000917J6] sending"));
    }

    @Test
    void health_shows_the_broker_the_database_the_journal_disk_and_each_partner() throws Exception {
        JsonNode health = Await.until("the partners to be probed", TIMEOUT, () -> {
            JsonNode details = JSON.readTree(get(gateways.rsPort, "/health").body()).path("details");
            return Optional.of(details).filter(d -> !d.path("partners").path("details").path("BG").path("status")
                    .asText().equals("UNKNOWN") && d.path("partners").path("details").path("MK").path("status")
                    .asText().equals("UP"));
        });

        assertEquals("UP", health.path("broker").path("status").asText(), health.toString());
        assertEquals("EMBEDDED", health.path("broker").path("details").path("mode").asText());
        assertEquals("UP", health.path("jdbc").path("status").asText(), health.toString());
        JsonNode disk = health.path("journalDisk");
        assertEquals("UP", disk.path("status").asText(), health.toString());
        assertTrue(disk.path("details").path("freeBytes").asLong() > disk.path("details").path("minFreeBytes").asLong());
        assertEquals(256L * 1024 * 1024, disk.path("details").path("minFreeBytes").asLong(), "the default, 256MB");
        assertTrue(disk.path("details").path("path").asText().endsWith("journal"), disk.toString());
        JsonNode partners = health.path("partners");
        assertEquals("DEGRADED", partners.path("status").asText(), partners.toString());
        assertEquals("UP", partners.path("details").path("MK").path("status").asText());
        assertEquals("DOWN", partners.path("details").path("BG").path("status").asText());
        assertTrue(partners.path("details").path("BG").path("error").asText().contains("ConnectException"), partners.toString());
        assertTrue(LOG.events.stream().noneMatch(e -> e.getLoggerName().endsWith("InboundRefusals")),
                "a probe is a TLS handshake, no request: MK has nothing to refuse");

        HttpResponse<String> anonymous = HttpClient.newBuilder().sslContext(AccessControlIT.trustOnly()).build()
                .send(HttpRequest.newBuilder(URI.create("https://localhost:" + gateways.rsPort + "/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, anonymous.statusCode(), "a partner down degrades, it does not take the node out");
        assertFalse(anonymous.body().contains("journalDisk"), "details only for an authenticated caller: " + anonymous.body());
    }

    private static String submit(byte[] notification) throws Exception {
        NationalSystemClient.Response response = rsNational.submit(notification);
        assertEquals(202, response.status(), response.text());
        return rsNational.read(response, SubmissionAccepted.class).messageId();
    }

    static String scrape(int port) throws Exception {
        HttpResponse<String> response = get(port, "/prometheus");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newBuilder().sslContext(TwoGateways.nationalTls("rs")).build()
                .send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                        .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the one series of {@code name} with all these labels (name, value, name, value...), if any. */
    static OptionalDouble value(String metrics, String name, String... labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).filter(l -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!l.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Keeps every log event with its MDC as it was on the logging thread. */
    static final class Captured extends AppenderBase<ILoggingEvent> {

        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }
}
