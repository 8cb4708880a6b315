package org.c2cgateway.validation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the schema's {@code DateTimeWithZoneType} values (xs:dateTime with a required offset) as
 * instants, so that times given in different zones (RS UTC+1, BG UTC+2) compare correctly.
 */
final class XmlDateTimes {

    private XmlDateTimes() {
    }

    /**
     * The instant, or empty for the rare xs:dateTime forms java.time does not read (hour 24, years
     * beyond 9999); a rule then has nothing to compare and stays silent rather than guess.
     */
    static Optional<OffsetDateTime> parse(String lexical) {
        try {
            return Optional.of(OffsetDateTime.parse(lexical.replaceFirst("Z$", "+00:00")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
