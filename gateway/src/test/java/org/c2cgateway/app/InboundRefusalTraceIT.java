package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;

import org.c2cgateway.app.api.RefusalController;
import org.c2cgateway.app.trace.InboundRefusal;
import org.c2cgateway.app.trace.JdbcRefusalStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The trace of refused inbound attempts as operators use it, on a real receiving gateway (MK): paged newest
 * first over the admin API, kept at a bounded rate however fast refusals come, and deleted after their
 * retention. The refusals here are the cheapest there are (garbage bodies); {@link HostileInputIT} has the
 * real attacks.
 */
class InboundRefusalTraceIT {

    static final int REFUSALS_PER_SECOND = 5;

    @RegisterExtension
    static final ReceivingGateway mk = new ReceivingGateway(Map.of("c2c.inbound.refusals-per-second", REFUSALS_PER_SECOND));
    static TestPartner rs;

    @BeforeAll
    static void senderIsRs() {
        rs = mk.rs();
    }

    /** Waits for the clock's next second, so that the next refusal starts a fresh second of the rate. */
    private static void nextSecond() {
        long now = Instant.now().getEpochSecond();
        while (Instant.now().getEpochSecond() == now) {
            Thread.onSpinWait();
        }
    }

    @Test
    void operators_page_through_refusals_newest_first() throws Exception {
        nextSecond();
        RefusalCheck check = RefusalCheck.before(mk.context());
        for (int i = 0; i < 3; i++) {
            rs.post(HttpRequest.BodyPublishers.ofString("garbage " + i), "application/soap+xml");
        }
        List<InboundRefusal> made = check.refusalsTraced();
        assertEquals(3, made.size());

        HttpClient operator = HttpClient.newBuilder().sslContext(TwoGateways.tls("mk")).build();
        HttpResponse<byte[]> page = operator.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + mk.nationalPort() + "/api/v1/admin/refusals?page=0&size=2"))
                        .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> tooLarge = operator.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + mk.nationalPort() + "/api/v1/admin/refusals?size=100000"))
                        .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, page.statusCode(), new String(page.body(), StandardCharsets.UTF_8));
        RefusalController.Page refusals = JsonMapper.createDefault().readValue(page.body(), RefusalController.Page.class);
        assertEquals(2, refusals.refusals().size());
        assertEquals(made.get(2).id(), refusals.refusals().get(0).id());
        assertEquals(made.get(1).id(), refusals.refusals().get(1).id());
        assertTrue(refusals.total() >= 3);
        assertEquals("EBMS:0009", refusals.refusals().get(0).ebmsCode());
        assertEquals(400, tooLarge.statusCode());
    }

    /**
     * A flood of garbage does not become a flood of rows: past the rate, refusals are only counted, and the
     * next one kept carries the count, so that every refusal is accounted for.
     */
    @Test
    void a_flood_of_refusals_is_kept_at_the_configured_rate_and_counted_past_it() throws Exception {
        RefusalCheck check = RefusalCheck.before(mk.context());
        int flood = 6 * REFUSALS_PER_SECOND;
        for (int i = 0; i < flood; i++) {
            rs.post(HttpRequest.BodyPublishers.ofString("flood " + i), "application/soap+xml");
        }
        nextSecond(); // a refusal in a later second collects the count of the ones left out before it
        rs.post(HttpRequest.BodyPublishers.ofString("after the flood"), "application/soap+xml");

        List<InboundRefusal> kept = check.refusalsTraced();
        assertTrue(kept.size() < flood + 1, "some were left out: kept " + kept.size());
        assertEquals(flood + 1, kept.stream().mapToInt(r -> 1 + r.suppressedBefore()).sum(),
                "each refusal is either kept or counted in the next one kept");
        check.assertNothingDelivered();
    }

    @Test
    void refusals_past_their_retention_are_deleted() throws Exception {
        nextSecond();
        RefusalCheck check = RefusalCheck.before(mk.context());
        rs.post(HttpRequest.BodyPublishers.ofString("to be forgotten"), "application/soap+xml");
        InboundRefusal refusal = check.refusalsTraced().get(0);
        JdbcRefusalStore store = mk.context().getBean(JdbcRefusalStore.class);

        store.purgeOlderThan(refusal.refusedAt());
        assertEquals(1, check.refusalsTraced().size(), "not older than the cutoff: kept");
        assertTrue(store.purgeOlderThan(refusal.refusedAt().plusMillis(1)) >= 1);
        assertEquals(0, check.refusalsTraced().size());
        assertTrue(mk.context().getBeanDefinition(JdbcRefusalStore.class).getExecutableMethods().stream()
                .anyMatch(m -> m.getMethodName().equals("purgeExpired") && m.hasAnnotation(Scheduled.class)),
                "every node purges on a schedule");
    }
}
