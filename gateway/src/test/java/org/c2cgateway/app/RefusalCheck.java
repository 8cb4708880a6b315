package org.c2cgateway.app;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.trace.InboundRefusal;
import org.c2cgateway.app.trace.InboundRefusalRepository;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.xml.HardenedXml;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every refused inbound attempt must end with, for any integration test to check: an ebMS error
 * naming the cause, nothing on the national queue, a refusal traced, and the gateway still serving. Take
 * one {@link #before(ApplicationContext)} the attempt, then assert on it.
 */
public final class RefusalCheck {

    private static final String EB_NS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";

    private final ApplicationContext gateway;
    private final long queuedBefore;
    private final long lastRefusalBefore;

    private RefusalCheck(ApplicationContext gateway) {
        this.gateway = gateway;
        this.queuedBefore = queued(gateway);
        this.lastRefusalBefore = refusalsSince(gateway, Long.MIN_VALUE).stream().mapToLong(InboundRefusal::id).max()
                .orElse(0);
    }

    /** Notes what the gateway has queued and traced so far. */
    public static RefusalCheck before(ApplicationContext gateway) {
        return new RefusalCheck(gateway);
    }

    /**
     * The whole of it: the answer is this ebMS error with a description containing every part, nothing was
     * delivered, and exactly one refusal with the same code and description was traced.
     */
    public InboundRefusal assertRefused(HttpResponse<byte[]> answer, EbmsError error, String... causeParts) {
        String detail = assertEbmsError(answer, error, causeParts);
        assertNothingDelivered();
        InboundRefusal refusal = assertRefusalTraced(error, causeParts);
        assertEquals(detail, refusal.reason(), "the refusal traced says what the partner was told");
        return refusal;
    }

    /** HTTP 500 carrying one eb:Error with this code; returns its description (eb:ErrorDetail), which names each part. */
    public static String assertEbmsError(HttpResponse<byte[]> answer, EbmsError error, String... causeParts) {
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(500, answer.statusCode(), text);
        NodeList errors;
        try {
            errors = HardenedXml.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()))
                    .getElementsByTagNameNS(EB_NS, "Error");
        } catch (Exception e) {
            throw new AssertionError("the answer is not an ebMS error signal: " + text, e);
        }
        assertEquals(1, errors.getLength(), text);
        Element eb = (Element) errors.item(0);
        assertEquals(error.code(), eb.getAttribute("errorCode"), text);
        NodeList details = eb.getElementsByTagNameNS(EB_NS, "ErrorDetail");
        String detail = details.getLength() == 0 ? "" : details.item(0).getTextContent();
        assertNames(detail, causeParts);
        return detail;
    }

    public void assertNothingDelivered() {
        assertEquals(queuedBefore, queued(gateway), "nothing may reach the national queue");
    }

    /** Exactly one refusal was traced since {@link #before}, with this code and a reason naming every part. */
    public InboundRefusal assertRefusalTraced(EbmsError error, String... reasonParts) {
        List<InboundRefusal> traced = refusalsSince(gateway, lastRefusalBefore);
        assertEquals(1, traced.size(), "refusals traced: " + traced);
        InboundRefusal refusal = traced.get(0);
        assertEquals(error.code(), refusal.ebmsCode(), refusal.toString());
        assertNames(refusal.reason(), reasonParts);
        return refusal;
    }

    /** The refusals traced since {@link #before}, oldest first. */
    public List<InboundRefusal> refusalsTraced() {
        return refusalsSince(gateway, lastRefusalBefore);
    }

    /** A genuine message from {@code partner} is still received, acknowledged and delivered. */
    public static void assertStillServing(ApplicationContext gateway, TestPartner partner) throws Exception {
        long before = queued(gateway);
        HttpResponse<byte[]> answer = partner.post(partner.genuine(partner.message()));
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(200, answer.statusCode(), text);
        assertTrue(text.contains("Receipt"), text);
        assertEquals(before + 1, queued(gateway), "the genuine message reaches the national queue");
    }

    /** The refusal traced last on {@code gateway} has this code and a reason naming every part. */
    public static InboundRefusal assertLastRefusalTraced(ApplicationContext gateway, EbmsError error, String... reasonParts) {
        List<InboundRefusal> all = refusalsSince(gateway, Long.MIN_VALUE);
        assertTrue(!all.isEmpty(), "no refusal was traced");
        InboundRefusal last = all.get(all.size() - 1);
        assertEquals(error.code(), last.ebmsCode(), last.toString());
        assertNames(last.reason(), reasonParts);
        return last;
    }

    private static void assertNames(String text, String... parts) {
        Arrays.stream(parts).forEach(part -> assertTrue(text.contains(part), "expected '" + part + "' in: " + text));
    }

    private static long queued(ApplicationContext gateway) {
        return TwoGateways.messagesAdded(gateway, Queues.IN_NATIONAL);
    }

    private static List<InboundRefusal> refusalsSince(ApplicationContext gateway, long id) {
        return gateway.getBean(InboundRefusalRepository.class).findAll().stream().filter(r -> r.id() > id)
                .sorted(Comparator.comparing(InboundRefusal::id)).toList();
    }
}
