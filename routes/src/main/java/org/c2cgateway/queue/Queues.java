package org.c2cgateway.queue;

/** The Artemis queue names, in one place, as ARCHITECTURE.md lays them out. */
public final class Queues {

    /** Accepted inbound notifications waiting for the national system. */
    public static final String IN_NATIONAL = "in.national";
    /**
     * Delivery statuses waiting to go back to the partners that sent the notifications: one queue for all
     * partners and without message groups, so that a status neither waits behind a movement's notifications
     * nor holds them up.
     */
    public static final String DELIVERY_STATUS = "status.out";

    private static final String OUTBOUND_PREFIX = "out.";
    /** Artemis' prefix for the dead-letter queues it creates automatically, one per original address. */
    public static final String DEAD_LETTER_PREFIX = "DLQ.";

    private Queues() {
    }

    /** Notifications waiting for one partner: one queue each, so a partner that is down blocks no other. */
    public static String outbound(String partnerCountry) {
        return OUTBOUND_PREFIX + partnerCountry;
    }

    /**
     * Where the broker puts a partner's notifications once every delivery attempt failed (Artemis'
     * auto-created dead-letter queue, prefix {@code DLQ.}); an operator replays them from there.
     */
    public static String deadLetter(String partnerCountry) {
        return deadLetterOf(outbound(partnerCountry));
    }

    /** The dead-letter queue Artemis keeps for a queue: its name with the prefix {@code DLQ.}. */
    public static String deadLetterOf(String queue) {
        return DEAD_LETTER_PREFIX + queue;
    }

    /** The Camel JMS endpoint for a queue, sending InOnly (persistent and synchronous by default). */
    public static String jms(String queue) {
        return "jms:queue:" + queue;
    }
}
