package org.c2cgateway.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.c2cgateway.app.api.MessageController;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operators' search and timeline over a real gateway's trace store, through its HTTPS API; on H2 here, on
 * PostgreSQL in {@link MessageSearchOnPostgresIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageSearchIT {

    private static final int COUNT = 300;
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @TempDir
    static Path data;
    private ApplicationContext gateway;
    private URI base;
    private HttpClient http;

    /** The trace store's datasource settings: none for the default H2 store. */
    protected Map<String, Object> database() {
        return Map.of();
    }

    @BeforeAll
    void seededGateway() throws IOException {
        int port = TwoGateways.freePort();
        gateway = TwoGateways.start("rs", port, TwoGateways.freePort(), data, database());
        TraceSeed.seed(gateway, COUNT);
        base = URI.create("https://localhost:" + port);
        http = HttpClient.newBuilder().sslContext(TwoGateways.tls("rs")).build();
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void finds_the_messages_of_a_movement_newest_first() throws Exception {
        MessageController.Page page = search("mrn=" + TraceSeed.mrn(30).toLowerCase());

        assertEquals(List.of(TraceSeed.messageId(32), TraceSeed.messageId(31), TraceSeed.messageId(30)), ids(page));
        MessageController.Item item = page.items().get(2);
        assertEquals(TraceSeed.nationalMessageId(30), item.nationalMessageId());
        assertEquals(TraceSeed.mrn(30), item.conversationId());
        assertEquals("RS-" + TraceSeed.partner(30) + " v2", item.agreement());
        assertEquals(TraceSeed.createdAt(30), item.createdAt());
        assertEquals(1030, item.payloadSize());
        assertFalse(page.hasMore());
    }

    @Test
    void every_filter_given_must_hold() throws Exception {
        assertEquals(List.of(TraceSeed.messageId(7)), ids(search("messageId=" + TraceSeed.messageId(7))));
        assertEquals(expected(i -> TraceSeed.partner(i).equals("ME") && TraceSeed.status(i).equals("FAILED")),
                ids(search("partner=me&status=FAILED&size=200")));
        assertEquals(expected(i -> TraceSeed.status(i).equals("FAILED") || TraceSeed.status(i).equals("REJECTED")),
                ids(search("status=FAILED,rejected&size=200")));
        // created from minute 60 (inclusive) to minute 120 (exclusive)
        assertEquals(expected(i -> i >= 60 && i < 120 && i % 2 == 1 && TraceSeed.type(i).equals("ExitNotification")),
                ids(search("direction=inbound&type=ExitNotification&from=" + TraceSeed.createdAt(60)
                        + "&to=" + TraceSeed.createdAt(120))));
    }

    @Test
    void free_text_matches_any_identifier_exactly_or_by_its_beginning() throws Exception {
        assertEquals(expected(i -> i >= 120 && i < 130), ids(search("q=NAT-012")), "national message id prefix");
        assertEquals(List.of(TraceSeed.messageId(42)), ids(search("q=" + TraceSeed.messageId(42))), "message id");
        assertEquals(expected(i -> i / 3 == 14), ids(search("q=" + TraceSeed.mrn(42))), "MRN and conversation id");
        assertEquals(List.of(), ids(search("q=nothing-like-it")));
        assertEquals(expected(i -> i >= 120 && i < 130 && TraceSeed.partner(i).equals("MK")),
                ids(search("q=NAT-012&partner=MK")), "with a filter");
    }

    @Test
    void pages_cover_every_match_once_and_say_when_more_follow() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            MessageController.Page page = search("size=80&page=" + p);
            assertEquals(p, page.page());
            assertEquals(80, page.size());
            assertEquals(p < 3, page.hasMore(), "page " + p);
            seen.addAll(ids(page));
        }
        assertEquals(expected(i -> true), seen);
        assertEquals(50, search("").items().size(), "the default size");
    }

    @Test
    void sorts_by_either_time_either_way() throws Exception {
        List<String> newestFirst = expected(i -> true);
        assertEquals(newestFirst.subList(0, 5), ids(search("size=5&sort=createdAt,desc")));
        assertEquals(IntStream.range(0, 5).mapToObj(TraceSeed::messageId).toList(), ids(search("size=5&sort=createdAt,asc")));
        // seeded so that the first created is the last updated
        assertEquals(IntStream.range(0, 5).mapToObj(TraceSeed::messageId).toList(), ids(search("size=5&sort=updatedAt")));
        assertEquals(newestFirst.subList(0, 5), ids(search("size=5&sort=updatedAt,asc")));
    }

    @Test
    void a_bad_parameter_is_refused_naming_it_and_its_rule() throws Exception {
        assertRefused("size=0", "size", "from 1 to 200");
        assertRefused("size=201", "size", "from 1 to 200");
        assertRefused("page=-1", "page", "0 or more");
        assertRefused("page=100&size=200", "page", "10000");
        assertRefused("status=LOST", "status", "ACKNOWLEDGED");
        assertRefused("direction=sideways", "direction", "OUTBOUND");
        assertRefused("partner=Macedonia", "partner", "two-letter");
        assertRefused("from=yesterday", "from", "ISO-8601");
        assertRefused("from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z", "to", "after from");
        assertRefused("sort=mrn", "sort", "createdAt or updatedAt");
        assertRefused("q=26", "q", "3 characters");
        assertRefused("q=a%20b", "q", "without spaces");
        assertRefused("mnr=26RS", "mnr", "not a search parameter");
        assertRefused("partner=MK&partner=AL", "partner", "once");
        assertRefused("type=", "type", "empty");
    }

    @Test
    void the_timeline_gives_each_steps_attempt_and_the_receipt_itself() throws Exception {
        MessageController.Timeline timeline = get("/api/v1/messages/" + TraceSeed.messageId(5), MessageController.Timeline.class);

        assertEquals(TraceSeed.mrn(5), timeline.conversationId());
        assertEquals(TraceSeed.RECEIPT, timeline.receipt());
        assertTrue(timeline.receiptStored());
        assertEquals(List.of("RECEIVED", "SEND_FAILED", "SENT"), timeline.events().stream().map(MessageController.Step::event).toList());
        assertEquals(java.util.Arrays.asList(null, 1, 2), timeline.events().stream().map(MessageController.Step::attempt).toList());
        assertEquals("rs-2", timeline.events().get(2).node());
        assertNotNull(timeline.events().get(1).detail());
    }

    private static List<String> expected(java.util.function.IntPredicate matching) {
        return IntStream.iterate(COUNT - 1, i -> i >= 0, i -> i - 1).filter(matching).mapToObj(TraceSeed::messageId).toList();
    }

    private static List<String> ids(MessageController.Page page) {
        List<String> ids = page.items().stream().map(MessageController.Item::messageId).toList();
        Set<String> distinct = new HashSet<>(ids);
        assertEquals(ids.size(), distinct.size(), "no message twice on a page");
        return ids;
    }

    private MessageController.Page search(String query) throws Exception {
        return get("/api/v1/messages" + (query.isEmpty() ? "" : "?" + query), MessageController.Page.class);
    }

    private <T> T get(String path, Class<T> type) throws Exception {
        HttpResponse<String> response = call(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readValue(response.body(), type);
    }

    private void assertRefused(String query, String parameter, String ruleSays) throws Exception {
        HttpResponse<String> response = call("/api/v1/messages?" + query);
        assertEquals(400, response.statusCode(), query + ": " + response.body());
        MessageController.SearchRefused refused = JSON.readValue(response.body(), MessageController.SearchRefused.class);
        assertEquals(parameter, refused.parameter(), response.body());
        assertTrue(refused.rule().contains(ruleSays), response.body());
    }

    private HttpResponse<String> call(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
