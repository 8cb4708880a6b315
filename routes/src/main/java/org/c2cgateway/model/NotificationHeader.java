package org.c2cgateway.model;

import java.util.Objects;

/**
 * The few fields of a notification the gateway itself acts on: what it is, how the national
 * system and the trader know it, and which offices it connects. Everything else is carried, not read.
 *
 * @param type          pre-arrival or exit
 * @param messageId     the national system's own message id, used to detect duplicates
 * @param mrn           movement reference number; groups all messages of one movement
 * @param officeOfExit  office through which the goods leave the sending country
 * @param officeOfEntry office where the goods enter the receiving country; selects the partner
 */
public record NotificationHeader(NotificationType type, String messageId, String mrn, String officeOfExit,
                                 String officeOfEntry) {

    public NotificationHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(officeOfExit, "officeOfExit");
        Objects.requireNonNull(officeOfEntry, "officeOfEntry");
        if (officeOfEntry.length() < 2) {
            throw new IllegalArgumentException("office of entry '" + officeOfEntry + "' has no country prefix");
        }
    }

    /**
     * Country the notification goes to: an office reference starts with its country's ISO code, so
     * the office of entry alone decides which partner gateway receives it.
     */
    public String destinationCountry() {
        return officeOfEntry.substring(0, 2);
    }
}
