package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report's two pictures. {@code load.png}: what a gateway pair achieves and how late messages arrive as the
 * offered load grows (the closed loop's concurrency when no open-loop run was made). {@code payload.png}: how the
 * CPU cost of a message grows with its size, drawn only when at least two sizes were run. A configuration none of
 * whose messages arrived is left out of both: its CPU per message is only what the refusals cost.
 */
final class ReportCharts {

    static final String LOAD = "load.png";
    static final String PAYLOAD = "payload.png";

    private ReportCharts() {
    }

    /** @return the charts written, in the order the report lists them */
    static List<Path> write(List<ConfigurationSummary> all, Path directory) throws IOException {
        List<ConfigurationSummary> summaries = all.stream().filter(s -> s.throughput().median() > 0).toList();
        List<Path> written = new ArrayList<>();
        if (!summaries.isEmpty()) {
            written.add(writeLoad(summaries, directory.resolve(LOAD)));
        }
        if (summaries.stream().mapToInt(ConfigurationSummary::payloadBytes).distinct().count() >= 2) {
            written.add(writePayload(summaries, directory.resolve(PAYLOAD)));
        }
        return written;
    }

    private static Path writeLoad(List<ConfigurationSummary> summaries, Path png) throws IOException {
        List<ConfigurationSummary> open = summaries.stream().filter(ConfigurationSummary::openLoop).toList();
        boolean openLoop = !open.isEmpty();
        List<ConfigurationSummary> plotted = openLoop ? open : summaries;
        Function<ConfigurationSummary, Double> load = openLoop ? s -> s.offeredPerSecond() : s -> (double) s.concurrency();
        boolean severalSizes = plotted.stream().mapToInt(ConfigurationSummary::payloadBytes).distinct().count() > 1;
        boolean severalPartners = plotted.stream().mapToInt(ConfigurationSummary::partners).distinct().count() > 1;
        Map<String, List<ConfigurationSummary>> lines = group(plotted,
                s -> s.suite() + (severalSizes ? " " + Figures.kilobytes(s.payloadBytes()) + " KB" : "")
                        + (severalPartners ? ", " + s.partners() + " partners" : ""));
        List<Chart.Series> series = new ArrayList<>();
        int hue = 0;
        for (Map.Entry<String, List<ConfigurationSummary>> line : lines.entrySet()) {
            series.add(new Chart.Series(line.getKey() + " throughput (left)",
                    points(line.getValue(), load, ConfigurationSummary::throughput), false, hue));
            series.add(new Chart.Series(line.getKey() + " p99 latency (right)",
                    points(line.getValue(), load, ConfigurationSummary::p99Ms), true, hue));
            hue++;
        }
        double highestLoad = plotted.stream().mapToDouble(load::apply).max().orElse(1);
        new Chart(openLoop ? "Throughput and p99 latency against offered load"
                : "Throughput and p99 latency against concurrency",
                openLoop ? "offered load, msg/s (open loop)"
                        : "concurrency, submitters (closed loop: no open-loop runs in this report)",
                ChartAxis.linear(highestLoad), "achieved throughput, msg/s", "p99 latency, ms", series).write(png);
        return png;
    }

    private static Path writePayload(List<ConfigurationSummary> summaries, Path png) throws IOException {
        Map<String, List<ConfigurationSummary>> lines = group(summaries, ReportCharts::loadWithoutPayload);
        lines.values().removeIf(line -> line.stream().mapToInt(ConfigurationSummary::payloadBytes).distinct().count() < 2);
        if (lines.isEmpty()) { // no load was run at two sizes: compare the sizes across loads, suite by suite
            lines = group(summaries, ConfigurationSummary::suite);
        }
        List<Chart.Series> series = new ArrayList<>();
        int hue = 0;
        for (Map.Entry<String, List<ConfigurationSummary>> line : lines.entrySet()) {
            series.add(new Chart.Series(line.getKey(), points(line.getValue(), s -> s.payloadBytes() / 1024.0,
                    ConfigurationSummary::cpuMsPerExchange), false, hue++));
        }
        double smallest = summaries.stream().mapToDouble(s -> s.payloadBytes() / 1024.0).filter(kb -> kb > 0)
                .min().orElse(1);
        double largest = summaries.stream().mapToDouble(s -> s.payloadBytes() / 1024.0).max().orElse(10);
        new Chart("CPU per message (both gateways) against payload size", "payload, KB (log scale)",
                ChartAxis.logarithmic(smallest, Math.max(largest, smallest)), "CPU ms per message, A+B", null, series)
                .write(png);
        return png;
    }

    /** What a configuration ran apart from its size, so that one line joins the sizes of one load. */
    private static String loadWithoutPayload(ConfigurationSummary s) {
        String load = s.openLoop() ? "open " + Figures.rate(s.offeredPerSecond()) + " msg/s"
                : s.mode() + " C=" + s.concurrency();
        return s.suite() + " " + load + (s.partners() > 1 ? ", " + s.partners() + " partners" : "");
    }

    private static Map<String, List<ConfigurationSummary>> group(List<ConfigurationSummary> summaries,
                                                                 Function<ConfigurationSummary, String> key) {
        Map<String, List<ConfigurationSummary>> groups = new LinkedHashMap<>();
        for (ConfigurationSummary s : summaries) {
            groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    private static List<Chart.Point> points(List<ConfigurationSummary> line, Function<ConfigurationSummary, Double> x,
                                            Function<ConfigurationSummary, Spread> y) {
        return line.stream().map(s -> new Chart.Point(x.apply(s), y.apply(s))).toList();
    }
}
