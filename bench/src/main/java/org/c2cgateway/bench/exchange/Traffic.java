package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.c2cgateway.bench.Notifications;
import org.c2cgateway.validation.Iso6346;

/**
 * The harness's notifications: the RS to MK pre-arrival sample grown to the payload size, each under a national
 * message id and an MRN of its own, so that each is a new movement (no movement waits for another's order).
 */
final class Traffic {

    private final String template;
    private final String tag;
    private final int run;

    /**
     * @param tag keeps the national message ids of one harness apart from another's on the same gateways
     * @param run keeps one run's MRNs apart from the other runs' of the harness (up to 1,000,000 each)
     */
    Traffic(int payloadBytes, String tag, int run) throws IOException {
        this.template = new String(Notifications.ofSize("rs-to-mk-pre-arrival.xml", payloadBytes), StandardCharsets.UTF_8);
        this.tag = tag;
        this.run = run;
    }

    /** The {@code n}-th notification of the run. */
    byte[] notification(int n) {
        return template.replaceFirst("<MessageId>[^<]*</MessageId>", "<MessageId>B-" + tag + "-" + run + "-" + n + "</MessageId>")
                .replaceFirst("<MRN>[^<]*</MRN>", "<MRN>" + mrn(n) + "</MRN>")
                .getBytes(StandardCharsets.UTF_8);
    }

    int size() {
        return template.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A valid MRN per notification: the sample's year, country and office, a serial from the run and {@code n},
     * the security letter M and the ISO 6346 check digit (rule R0028).
     */
    private String mrn(int n) {
        String body = String.format("26RS0110T%07dM", (run * 1_000_000L + n) % 10_000_000);
        return body + Iso6346.checkDigit(body);
    }
}
