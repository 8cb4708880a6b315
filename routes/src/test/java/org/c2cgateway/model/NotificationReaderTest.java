package org.c2cgateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class NotificationReaderTest {

    private final NotificationReader reader = new NotificationReader();

    @Test
    void readsThePreArrivalHeaderAndItsDestination() {
        NotificationHeader header = reader.readHeader(Samples.valid("rs-to-mk-pre-arrival.xml"));

        assertEquals(new NotificationHeader(NotificationType.PRE_ARRIVAL, "RS-NCTS-20260310-000452",
                "26RS0110T0000452M5", "RS022128", "MK001001"), header);
        assertEquals("MK", header.destinationCountry());
    }

    @Test
    void officesOfTransitDoNotDisturbTheOfficeOfEntry() {
        NotificationHeader header = reader.readHeader(Samples.valid("rs-to-bg-pre-arrival.xml"));

        assertEquals("RS025101", header.officeOfExit());
        assertEquals("BG005703", header.officeOfEntry());
        assertEquals("BG", header.destinationCountry());
    }

    @Test
    void readsTheExitHeader() {
        NotificationHeader header = reader.readHeader(Samples.valid("mk-to-rs-exit.xml"));

        assertEquals(new NotificationHeader(NotificationType.EXIT, "MK-NCTS-EXIT-2027-0000321",
                "27MK0010T0000321L6", "MK001001", "RS022128"), header);
        assertEquals("RS", header.destinationCountry());
    }

    @Test
    void readsEveryValidSample() {
        for (String sample : Samples.validNames()) {
            NotificationHeader header = reader.readHeader(Samples.valid(sample));
            assertEquals(8, header.officeOfEntry().length(), sample);
        }
    }

    @Test
    void prefixedNamespaceIsReadTheSame() {
        String xml = Samples.validText("mk-to-rs-exit.xml")
                .replace("xmlns=", "xmlns:n=")
                .replaceAll("<(/?+)(?![?!])", "<$1n:");

        assertEquals("RS022128", reader.readHeader(xml.getBytes(StandardCharsets.UTF_8)).officeOfEntry());
    }

    @Test
    void escapedCharactersAreReadAsTheirValues() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml")
                .replace("<MessageId>MK-NCTS-EXIT-2027-0000321</MessageId>", "<MessageId>MK&amp;EXIT&#x2F;<![CDATA[321]]></MessageId>")
                .getBytes(StandardCharsets.UTF_8);

        assertEquals("MK&EXIT/321", reader.readHeader(xml).messageId());
    }

    @Test
    void unknownRootIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader.readHeader(Samples.invalid("unknown-root.xml")));
        assertTrue(e.getMessage().contains("ArrivalNotification"), e.getMessage());
    }

    @Test
    void rootInAnotherNamespaceIsRefused() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml").replace("urn:c2c-gateway:notification:v1", "urn:other")
                .getBytes(StandardCharsets.UTF_8);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.readHeader(xml));
        assertTrue(e.getMessage().contains("urn:other"), e.getMessage());
    }

    @Test
    void missingHeaderFieldIsRefused() {
        byte[] xml = Samples.invalid("missing-office-of-entry.xml");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.readHeader(xml));
        assertTrue(e.getMessage().contains("OfficeOfEntry"), e.getMessage());
    }

    @Test
    void doctypeIsRefusedQuicklyEvenThoughInputShouldBeValidated() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThrows(IllegalArgumentException.class, () -> reader.readHeader(Samples.invalid("xxe.xml")));
            assertThrows(IllegalArgumentException.class, () -> reader.readHeader(Samples.invalid("billion-laughs.xml")));
        });
    }

    @Test
    void malformedXmlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> reader.readHeader("<ExitNotification".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> reader.readHeader(new byte[0]));
    }
}
