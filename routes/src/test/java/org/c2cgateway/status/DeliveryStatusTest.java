package org.c2cgateway.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryStatusTest {

    private static final DeliveryStatus STATUS = new DeliveryStatus("4f1c-7d@c2c-gateway",
            DeliveryStatus.Kind.ACKNOWLEDGED, Instant.parse("2026-11-27T14:03:12.345Z"), "mk-node-2", "PULL");

    @Test
    void builds_and_parses_back_the_same_status() throws Exception {
        byte[] xml = STATUS.toXml();

        assertEquals(STATUS, DeliveryStatus.parse(xml));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<DeliveryStatus xmlns=\"urn:c2c-gateway:delivery-status:v1\">"), text);
        assertTrue(text.contains("<Status>ACKNOWLEDGED</Status><At>2026-11-27T14:03:12.345Z</At>"), text);
    }

    @Test
    void escapes_text_it_writes() throws Exception {
        DeliveryStatus odd = new DeliveryStatus("<a&b>@x", DeliveryStatus.Kind.DELIVERED, Instant.EPOCH, "n\"1", "PUSH");

        assertEquals(odd, DeliveryStatus.parse(odd.toXml()));
    }

    @Test
    void reads_fields_in_any_order() throws Exception {
        DeliveryStatus parsed = DeliveryStatus.parse(xml("<Node>b-1</Node><Channel>QUEUE</Channel>"
                + "<At>2026-01-02T03:04:05Z</At><Status>DELIVERED</Status><RefToMessageId>m-1</RefToMessageId>")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(new DeliveryStatus("m-1", DeliveryStatus.Kind.DELIVERED, Instant.parse("2026-01-02T03:04:05Z"),
                "b-1", "QUEUE"), parsed);
    }

    @Test
    void refuses_a_missing_field_naming_it() {
        assertRefused("RefToMessageId", "is missing", xml("<Status>DELIVERED</Status><At>2026-01-02T03:04:05Z</At>"
                + "<Node>b-1</Node><Channel>PUSH</Channel>"));
        assertRefused("Channel", "is missing", xml("<RefToMessageId>m-1</RefToMessageId><Status>DELIVERED</Status>"
                + "<At>2026-01-02T03:04:05Z</At><Node>b-1</Node>"));
    }

    @Test
    void refuses_an_unknown_status_naming_the_field() {
        assertRefused("Status", "'RECEIVED' is none of DELIVERED, ACKNOWLEDGED", valid().replace(">DELIVERED<", ">RECEIVED<"));
    }

    @Test
    void refuses_a_time_that_is_no_instant() {
        assertRefused("At", "'yesterday' is no UTC instant", valid().replace("2026-01-02T03:04:05Z", "yesterday"));
    }

    @Test
    void refuses_an_empty_or_repeated_or_nested_field() {
        assertRefused("Node", "is empty", valid().replace("<Node>b-1</Node>", "<Node> </Node>"));
        assertRefused("Node", "appears more than once", valid().replace("<Node>b-1</Node>", "<Node>b-1</Node><Node>b-2</Node>"));
        assertRefused("Node", "must hold text only", valid().replace("<Node>b-1</Node>", "<Node><x/>b-1</Node>"));
    }

    @Test
    void refuses_a_field_over_its_length() {
        assertRefused("RefToMessageId", "has 201 characters, more than 200",
                valid().replace(">m-1<", ">" + "m".repeat(201) + "<"));
    }

    @Test
    void refuses_an_element_that_is_not_part_of_it() {
        assertRefused("Mrn", "is not part of a delivery status", valid().replace("<Node>", "<Mrn>26RS</Mrn><Node>"));
    }

    @Test
    void refuses_another_document_a_doctype_and_garbage() {
        assertRefused("DeliveryStatus", "the root element is {urn:other}DeliveryStatus",
                valid().replace("urn:c2c-gateway:delivery-status:v1", "urn:other"));
        assertRefused("DeliveryStatus", "not well-formed XML", "<!DOCTYPE x [<!ENTITY e \"e\">]>" + valid());
        assertRefused("DeliveryStatus", "not well-formed XML", "not xml");
        assertRefused("DeliveryStatus", "the payload is empty", "");
        assertRefused("DeliveryStatus", "the payload has 5213 bytes, more than the 4096 a delivery status may have",
                valid().replace("<Node>", "<!--" + "x".repeat(5000) + "--><Node>"));
    }

    @Test
    void will_not_build_a_status_without_its_fields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new DeliveryStatus("m-1", DeliveryStatus.Kind.DELIVERED, Instant.EPOCH, " ", "PUSH"));
        assertEquals("Node is missing", e.getMessage());
    }

    private static String valid() {
        return xml("<RefToMessageId>m-1</RefToMessageId><Status>DELIVERED</Status><At>2026-01-02T03:04:05Z</At>"
                + "<Node>b-1</Node><Channel>PUSH</Channel>");
    }

    private static String xml(String fields) {
        return "<DeliveryStatus xmlns=\"urn:c2c-gateway:delivery-status:v1\">" + fields + "</DeliveryStatus>";
    }

    private static void assertRefused(String field, String problem, String xml) {
        DeliveryStatusFormatException e = assertThrows(DeliveryStatusFormatException.class,
                () -> DeliveryStatus.parse(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + " " + problem), e.getMessage());
    }
}
