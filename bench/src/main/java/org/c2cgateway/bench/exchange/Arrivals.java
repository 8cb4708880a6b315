package org.c2cgateway.bench.exchange;

import java.util.Arrays;
import java.util.List;

/**
 * What of one run's submissions reached MK's national system, and when.
 *
 * @param count  accepted by RS and arrived at MK's national system
 * @param errors refused or unanswered by RS, or accepted and never arrived
 * @param first  the first arrival ({@link System#nanoTime()}; 0 when none came)
 * @param last   the last arrival ({@link System#nanoTime()})
 * @param latenciesMs from each arrival's intended send time, sorted
 */
record Arrivals(int count, int errors, long first, long last, double[] latenciesMs) {

    static Arrivals of(NationalWebhook webhook, List<LoadGenerator.Submission> sent) {
        double[] latencies = new double[sent.size()];
        int count = 0;
        int errors = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        for (LoadGenerator.Submission submission : sent) {
            Long arrival = submission.accepted() ? webhook.arrival(submission.messageId()) : null;
            if (arrival == null) {
                errors++;
                continue;
            }
            latencies[count++] = (arrival - submission.intendedNanos()) / 1e6;
            first = Math.min(first, arrival);
            last = Math.max(last, arrival);
        }
        double[] measured = Arrays.copyOf(latencies, count);
        Arrays.sort(measured);
        return new Arrivals(count, errors, count == 0 ? 0 : first, last, measured);
    }
}
