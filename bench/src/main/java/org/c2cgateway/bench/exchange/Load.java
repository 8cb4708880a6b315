package org.c2cgateway.bench.exchange;

import java.util.Locale;

/**
 * One load to measure: closed loop at {@code concurrency} submitters, or open loop at {@code perSecond}, with
 * {@code messages} notifications of {@code payloadBytes} each.
 */
record Load(int concurrency, double perSecond, int payloadBytes, int messages) {

    static Load closed(int concurrency, int payloadBytes, int messages) {
        return new Load(concurrency, 0, payloadBytes, messages);
    }

    static Load open(double perSecond, int payloadBytes, int messages) {
        return new Load(0, perSecond, payloadBytes, messages);
    }

    /** The configuration's name in the report, with the size the notifications really had. */
    String name(GatewayPair.Suite suite, int actualBytes, int partners) {
        String load = perSecond > 0 ? String.format(Locale.ROOT, "open %.0f/s", perSecond) : "closed C=" + concurrency;
        return suite + " " + load + " " + size(actualBytes) + partners(partners);
    }

    /** The partners of RS in a configuration's name, where they are not the demo's. */
    static String partners(int partners) {
        return partners == MorePartners.DEMO ? "" : " " + partners + " partners";
    }

    static String size(int bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.0f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
    }
}
