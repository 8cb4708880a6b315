package org.c2cgateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.c2cgateway.model.Samples;
import org.junit.jupiter.api.Test;

class NotificationFactsTest {

    @Test
    void the_itinerary_read_stops_early_but_routes_every_sample_as_the_full_read_does() {
        for (String sample : Samples.validNames()) {
            NotificationFacts full = NotificationFacts.read(Samples.valid(sample));
            NotificationFacts itinerary = NotificationFacts.readItinerary(Samples.valid(sample));

            assertEquals(full.type(), itinerary.type(), sample);
            assertEquals(full.mrn(), itinerary.mrn(), sample);
            assertEquals(full.preparedAt(), itinerary.preparedAt(), sample);
            assertEquals(full.countriesAfterSender(), itinerary.countriesAfterSender(), sample);
            for (String country : full.countriesAfterSender()) {
                assertEquals(full.officesIn(country), itinerary.officesIn(country), sample + " " + country);
            }
            assertTrue(itinerary.aeoParties().isEmpty() && itinerary.sealIds().isEmpty()
                    && itinerary.controlResult().isEmpty(), sample + ": nothing past the itinerary is read");
        }
    }

    @Test
    void the_full_read_finds_the_recognition_facts() {
        NotificationFacts rsToMk = NotificationFacts.read(Samples.valid("rs-to-mk-pre-arrival.xml"));
        assertEquals(List.of(new NotificationFacts.AeoParty("Consignor", "RS100123456", "MF"),
                new NotificationFacts.AeoParty("AdditionalSupplyChainActor[1]", "RS103777888", "FW")), rsToMk.aeoParties());
        assertEquals(List.of("RS-C 0012345", "RS-C 0012346", "RS-C 0012347"), rsToMk.sealIds());
        assertEquals(List.of("MK"), rsToMk.countriesAfterSender());

        NotificationFacts exit = NotificationFacts.read(Samples.valid("mk-to-rs-exit.xml"));
        assertEquals(Optional.of(0), exit.sealsState());
        assertEquals("A2", exit.controlResult().orElseThrow().code());
        assertFalse(exit.sealIds().isEmpty());
        assertTrue(exit.sealIds().contains("MK-C 0004411"), "new seals affixed at exit count");
    }
}
