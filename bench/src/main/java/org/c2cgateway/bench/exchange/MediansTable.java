package org.c2cgateway.bench.exchange;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The report's one table: a row per configuration with the medians over its repetitions, and the range where a
 * reader decides on it (throughput, p99, the ratio to the crypto floor). Markdown, which reads as well on a console.
 */
final class MediansTable {

    private static final String HEADER = "| Configuration | Runs | Throughput msg/s, median (min–max) | p50 ms | p90 ms"
            + " | p99 ms, median (min–max) | max ms | CPU ms/msg A | CPU ms/msg B | CPU ms/msg store | CPU ms/msg A+B(+store)"
            + " | Crypto floor ms | A+B(+store) / floor, median (min–max) | Peak RSS A / B MB (max) | Errors |\n"
            + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";

    private MediansTable() {
    }

    static String of(List<ConfigurationSummary> summaries) {
        StringBuilder table = new StringBuilder(HEADER);
        for (ConfigurationSummary s : summaries) {
            table.append("| ").append(s.configuration().replace("|", "\\|"))
                    .append(" | ").append(s.runs())
                    .append(" | ").append(withRange(s.throughput(), Figures::rate))
                    .append(" | ").append(Figures.ms(s.p50Ms().median()))
                    .append(" | ").append(Figures.ms(s.p90Ms().median()))
                    .append(" | ").append(withRange(s.p99Ms(), Figures::ms))
                    .append(" | ").append(Figures.ms(s.maxMs().median()))
                    .append(" | ").append(Figures.ms(s.cpuMsA().median()))
                    .append(" | ").append(Figures.ms(s.cpuMsB().median()))
                    .append(" | ").append(Figures.ms(s.cpuMsStore().median()))
                    .append(" | ").append(Figures.ms(s.cpuMsPerExchange().median()))
                    .append(" | ").append(Figures.ms(s.cryptoFloorMs().median()))
                    .append(" | ").append(withRange(s.floorRatio(), Figures::ratio))
                    .append(" | ").append(Figures.megabytes(s.peakRssA().max())).append(" / ")
                    .append(Figures.megabytes(s.peakRssB().max()))
                    .append(" | ").append(s.errors())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String withRange(Spread spread, DoubleFunction<String> format) {
        if (Double.isNaN(spread.median())) {
            return "–";
        }
        return format.apply(spread.median()) + " (" + format.apply(spread.min()) + "–" + format.apply(spread.max())
                + ")";
    }
}
