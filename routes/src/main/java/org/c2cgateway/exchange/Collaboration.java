package org.c2cgateway.exchange;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * The ebMS collaboration values both gateways must agree on: the service that carries border
 * notifications, the action per notification type (and of a delivery status), and the reference of the
 * bilateral agreement.
 */
public final class Collaboration {

    public static final String SERVICE = "urn:c2c-gateway:service:border-notification";
    public static final String SERVICE_TYPE = "urn:c2c-gateway:service-type";
    /**
     * The action of a receiving gateway's signed delivery status, in the same service as the notifications it
     * answers: no notification type has this root element, so it can never be taken for one.
     */
    public static final String DELIVERY_STATUS_ACTION = "DeliveryStatus";

    private Collaboration() {
    }

    /**
     * The eb:ConversationId of a notification: its movement's MRN, so that the messages of one movement form one
     * AS4 conversation and an operator finds them by either id.
     */
    public static String conversationId(String mrn) {
        return mrn;
    }

    /** One agreement per pair of countries, named the same from both sides. */
    public static String agreementRef(String countryA, String countryB) {
        String pair = String.join("-", Stream.of(countryA, countryB).map(c -> c.toUpperCase(Locale.ROOT)).sorted().toList());
        return "urn:c2c-gateway:agreement:" + pair + ":v1";
    }
}
