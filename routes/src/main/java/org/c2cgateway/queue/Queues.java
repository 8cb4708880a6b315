package org.c2cgateway.queue;

/** The Artemis queue names, in one place, as ARCHITECTURE.md lays them out. */
public final class Queues {

    /** Accepted inbound notifications waiting for the national system. */
    public static final String IN_NATIONAL = "in.national";

    private static final String OUTBOUND_PREFIX = "out.";

    private Queues() {
    }

    /** Notifications waiting for one partner: one queue each, so a partner that is down blocks no other. */
    public static String outbound(String partnerCountry) {
        return OUTBOUND_PREFIX + partnerCountry;
    }

    /** The Camel JMS endpoint for a queue, sending InOnly (persistent and synchronous by default). */
    public static String jms(String queue) {
        return "jms:queue:" + queue;
    }
}
