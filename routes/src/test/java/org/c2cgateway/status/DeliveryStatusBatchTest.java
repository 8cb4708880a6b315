package org.c2cgateway.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryStatusBatchTest {

    private static final DeliveryStatus DELIVERED = new DeliveryStatus("m-1@c2c-gateway", DeliveryStatus.Kind.DELIVERED,
            Instant.parse("2026-11-27T14:03:12.345Z"), "mk-node-1", "PUSH");
    private static final DeliveryStatus ACKNOWLEDGED = new DeliveryStatus("m-2@c2c-gateway",
            DeliveryStatus.Kind.ACKNOWLEDGED, Instant.parse("2026-11-27T14:03:13Z"), "mk-node-2", "PULL");

    @Test
    void a_batch_of_one_travels_as_the_lone_status_gateways_sent_before_batches() throws Exception {
        DeliveryStatusBatch one = new DeliveryStatusBatch(List.of(DELIVERED));

        assertArrayEquals(DELIVERED.toXml(), one.toXml());
        assertEquals(DELIVERED, DeliveryStatus.parse(one.toXml()), "an older partner reads it");
        assertEquals(one, DeliveryStatusBatch.parse(DELIVERED.toXml()), "a lone status from an older partner is read");
        assertEquals("m-1@c2c-gateway", one.refToMessageId());
        assertEquals(java.util.UUID.nameUUIDFromBytes("m-1@c2c-gateway/DELIVERED".getBytes(StandardCharsets.UTF_8))
                + "@delivery-status.c2c-gateway", one.messageId(), "the id a lone status always had");
    }

    @Test
    void builds_and_parses_back_a_list() throws Exception {
        DeliveryStatusBatch two = new DeliveryStatusBatch(List.of(DELIVERED, ACKNOWLEDGED));
        String text = new String(two.toXml(), StandardCharsets.UTF_8);

        assertEquals(two, DeliveryStatusBatch.parse(two.toXml()));
        assertTrue(text.contains("<DeliveryStatuses xmlns=\"urn:c2c-gateway:delivery-status:v1\"><DeliveryStatus>"
                + "<RefToMessageId>m-1@c2c-gateway</RefToMessageId>"), text);
        assertNull(two.refToMessageId(), "a list refers to no one notification");
    }

    @Test
    void the_id_of_a_batch_is_the_same_for_the_same_statuses_in_any_order_and_differs_for_others() {
        DeliveryStatusBatch two = new DeliveryStatusBatch(List.of(DELIVERED, ACKNOWLEDGED));

        assertEquals(two.messageId(), new DeliveryStatusBatch(List.of(ACKNOWLEDGED, DELIVERED)).messageId());
        assertNotEquals(two.messageId(), new DeliveryStatusBatch(List.of(DELIVERED)).messageId());
        assertNotEquals(two.messageId(), new DeliveryStatusBatch(List.of(DELIVERED, new DeliveryStatus("m-2@c2c-gateway",
                DeliveryStatus.Kind.DELIVERED, Instant.EPOCH, "n", "PUSH"))).messageId());
    }

    @Test
    void refuses_a_list_with_a_bad_status_naming_its_field() {
        assertRefused("Channel", "is missing", list(status("m-1", "DELIVERED", ""), status("m-2", "DELIVERED",
                "<Channel>PUSH</Channel>")));
    }

    @Test
    void refuses_a_step_reported_twice_an_empty_list_and_other_elements() {
        assertRefused("RefToMessageId", "m-1 is reported DELIVERED twice",
                list(status("m-1", "DELIVERED", channel()), status("m-1", "DELIVERED", channel())));
        assertRefused("DeliveryStatuses", "holds no delivery status", list());
        assertRefused("Note", "is not part of a list of delivery statuses",
                list(status("m-1", "DELIVERED", channel()), "<Note>x</Note>"));
        assertRefused("DeliveryStatuses", "the root element is {urn:other}DeliveryStatuses",
                list(status("m-1", "DELIVERED", channel())).replace("delivery-status:v1", "other").replace("urn:c2c-gateway:other", "urn:other"));
    }

    @Test
    void refuses_a_list_over_its_size_and_a_lone_status_over_its_bytes() {
        String[] many = IntStream.rangeClosed(0, DeliveryStatusBatch.MAX_STATUSES)
                .mapToObj(i -> status("m-" + i, "DELIVERED", channel())).toArray(String[]::new);
        assertRefused("DeliveryStatuses", "holds more than 1000 delivery statuses", list(many));
        assertRefused("DeliveryStatus", "the payload has", new String(DELIVERED.toXml(), StandardCharsets.UTF_8)
                .replace("<Node>", "<!--" + "x".repeat(5000) + "--><Node>"));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryStatusBatch(List.of()));
    }

    private static String channel() {
        return "<Channel>PUSH</Channel>";
    }

    private static String status(String ref, String kind, String channel) {
        return "<DeliveryStatus><RefToMessageId>" + ref + "</RefToMessageId><Status>" + kind
                + "</Status><At>2026-01-02T03:04:05Z</At><Node>b-1</Node>" + channel + "</DeliveryStatus>";
    }

    private static String list(String... statuses) {
        return "<DeliveryStatuses xmlns=\"urn:c2c-gateway:delivery-status:v1\">" + String.join("", statuses)
                + "</DeliveryStatuses>";
    }

    private static void assertRefused(String field, String problem, String xml) {
        DeliveryStatusFormatException e = assertThrows(DeliveryStatusFormatException.class,
                () -> DeliveryStatusBatch.parse(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + " " + problem), e.getMessage());
    }
}
