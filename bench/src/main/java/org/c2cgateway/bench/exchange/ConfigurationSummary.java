package org.c2cgateway.bench.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the repetitions of one configuration say together: each figure's median and range. The load, suite and
 * payload are taken from the first repetition, since every repetition of a configuration runs the same.
 */
public record ConfigurationSummary(
        String configuration,
        String suite,
        String mode,
        int concurrency,
        double offeredPerSecond,
        int payloadBytes,
        int partners,
        int runs,
        Spread throughput,
        Spread p50Ms,
        Spread p90Ms,
        Spread p99Ms,
        Spread maxMs,
        Spread cpuMsA,
        Spread cpuMsB,
        Spread cpuMsStore,
        Spread cpuMsPerExchange,
        Spread floorRatio,
        Spread peakRssA,
        Spread peakRssB,
        int errors,
        Spread cryptoFloorMs,
        Map<String, Spread> threadCpuMsA,
        Map<String, Spread> threadCpuMsB) {

    /** One summary per configuration, in the order the configurations were first run. */
    public static List<ConfigurationSummary> of(List<RunResult> results) {
        Map<String, List<RunResult>> byConfiguration = new LinkedHashMap<>();
        for (RunResult r : results) {
            byConfiguration.computeIfAbsent(r.configuration(), c -> new ArrayList<>()).add(r);
        }
        return byConfiguration.values().stream().map(ConfigurationSummary::ofRepetitions).toList();
    }

    private static ConfigurationSummary ofRepetitions(List<RunResult> runs) {
        RunResult first = runs.get(0);
        return new ConfigurationSummary(first.configuration(), first.suite(), first.mode(), first.concurrency(),
                first.offeredPerSecond(), first.payloadBytes(), first.partners(), runs.size(),
                Spread.of(runs, RunResult::throughput),
                Spread.of(runs, RunResult::p50Ms),
                Spread.of(runs, RunResult::p90Ms),
                Spread.of(runs, RunResult::p99Ms),
                Spread.of(runs, RunResult::maxMs),
                Spread.of(runs, RunResult::cpuMsA),
                Spread.of(runs, RunResult::cpuMsB),
                Spread.of(runs, RunResult::cpuMsStore),
                Spread.of(runs, RunResult::cpuMsPerExchange),
                Spread.of(runs, RunResult::floorRatio),
                Spread.of(runs, RunResult::peakRssA),
                Spread.of(runs, RunResult::peakRssB),
                runs.stream().mapToInt(RunResult::errors).sum(),
                Spread.of(runs, RunResult::cryptoFloorMs),
                byWork(runs, RunResult::threadCpuMsA),
                byWork(runs, RunResult::threadCpuMsB));
    }

    /** Each kind of work's spread, in the order of {@link ThreadCpu#labels()}. */
    private static Map<String, Spread> byWork(List<RunResult> runs, Function<RunResult, Map<String, Double>> figures) {
        Map<String, Spread> spreads = new LinkedHashMap<>();
        for (String work : ThreadCpu.labels()) {
            spreads.put(work, Spread.of(runs, r -> figures.apply(r).get(work)));
        }
        return spreads;
    }

    public boolean openLoop() {
        return "open".equals(mode);
    }
}
