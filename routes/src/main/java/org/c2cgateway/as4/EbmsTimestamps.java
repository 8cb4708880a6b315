package org.c2cgateway.as4;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * eb:Timestamp values: written in UTC with milliseconds and a {@code Z}, as the AS4 profile asks;
 * read leniently (any offset, any precision, a missing zone taken as UTC) since peers differ.
 */
final class EbmsTimestamps {

    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EbmsTimestamps() {
    }

    static String format(Instant t) {
        return WRITE.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    static Instant parse(String text) {
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        }
    }
}
