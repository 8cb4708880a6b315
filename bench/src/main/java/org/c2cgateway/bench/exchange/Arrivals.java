package org.c2cgateway.bench.exchange;

import java.util.List;

/**
 * What of one run's submissions reached MK's national system, and when.
 *
 * @param count  accepted by RS and arrived at MK's national system
 * @param errors refused or unanswered by RS, or accepted and never arrived
 * @param last   the last arrival ({@link System#nanoTime()})
 */
record Arrivals(int count, int errors, long last, double[] latenciesMs) {

    static Arrivals of(NationalWebhook webhook, List<LoadGenerator.Submission> sent) {
        double[] latencies = new double[sent.size()];
        int count = 0;
        int errors = 0;
        long last = 0;
        for (LoadGenerator.Submission submission : sent) {
            Long arrival = submission.accepted() ? webhook.arrival(submission.messageId()) : null;
            if (arrival == null) {
                errors++;
                continue;
            }
            latencies[count++] = (arrival - submission.intendedNanos()) / 1e6;
            last = Math.max(last, arrival);
        }
        return new Arrivals(count, errors, last, java.util.Arrays.copyOf(latencies, count));
    }
}
