package org.c2cgateway.bench.exchange;

import java.util.Map;

/**
 * One measured run of the exchange harness: N notifications from RS's national system through RS and MK (two
 * gateway processes) to MK's national system, under one load.
 *
 * @param configuration  what was run, the same text for every repetition of it (e.g. {@code "RSA closed C=32 5 KB"})
 * @param suite          the crypto suite of the agreement: {@code RSA} (RSA-2048, AES-128-GCM) or {@code EC}
 *                       (Ed25519, X25519)
 * @param mode           {@code closed} (C submitters, each waiting for its notification to reach MK's national system) or {@code open} (a fixed offered rate)
 * @param concurrency    closed loop: the submitters; open loop: 0
 * @param offeredPerSecond open loop: the offered rate; closed loop: 0
 * @param payloadBytes   the size of each notification as submitted
 * @param partners       the partners the sending gateway is configured with (only MK is sent to)
 * @param repetition     1, 2, ... among the runs of this configuration
 * @param messages       notifications measured (after the warm-up)
 * @param errors         submissions refused or unanswered, notifications not delivered in time, or delivered twice
 * @param seconds        from the first measured submission to the last arrival at MK's national system
 * @param throughput     messages / seconds
 * @param p50Ms          latency from submission (open loop: the intended send time) to arrival at MK's national system
 * @param cpuMsA         CPU time of the RS gateway process per message (user + system, from the OS)
 * @param cpuMsB         the same for MK
 * @param cpuMsStore     the same for the trace store's database server, all its processes ({@code --db postgres});
 *                       0 with H2, which works inside each gateway process
 * @param peakRssA       the RS process's peak resident set (VmHWM), bytes
 * @param peakRssB       the same for MK
 * @param cryptoFloorMs  the RSA-2048 private-key operations one exchange needs, measured in the same run
 * @param threadCpuMsA   RS's CPU time per message by the work of its threads ({@link ThreadCpu}), in the order of
 *                       {@link ThreadCpu#labels()}; they add up to {@code cpuMsA}
 * @param threadCpuMsB   the same for MK
 */
public record RunResult(
        String configuration,
        String suite,
        String mode,
        int concurrency,
        double offeredPerSecond,
        int payloadBytes,
        int partners,
        int repetition,
        int messages,
        int errors,
        double seconds,
        double throughput,
        double p50Ms,
        double p90Ms,
        double p99Ms,
        double maxMs,
        double cpuMsA,
        double cpuMsB,
        double cpuMsStore,
        long peakRssA,
        long peakRssB,
        double cryptoFloorMs,
        Map<String, Double> threadCpuMsA,
        Map<String, Double> threadCpuMsB) {

    /** CPU per exchange: both gateways, and the trace store's server where there is one. */
    public double cpuMsPerExchange() {
        return cpuMsA + cpuMsB + cpuMsStore;
    }

    /** CPU per exchange over the crypto floor of the same run. */
    public double floorRatio() {
        return cryptoFloorMs > 0 ? cpuMsPerExchange() / cryptoFloorMs : Double.NaN;
    }
}
