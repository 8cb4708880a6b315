package org.c2cgateway.bench.exchange;

import java.util.List;

/**
 * The report's second table: each configuration's CPU per message by the work of each gateway's threads
 * ({@link ThreadCpu}), medians over its repetitions, RS / MK in each cell. It says where an exchange's time goes in
 * every run, where the medians table gives only each process's total.
 */
final class ThreadsTable {

    private ThreadsTable() {
    }

    static String of(List<ConfigurationSummary> summaries) {
        List<String> work = ThreadCpu.labels();
        StringBuilder table = new StringBuilder("| CPU ms/msg by thread, RS / MK (medians) | ")
                .append(String.join(" | ", work)).append(" |\n|---|")
                .append("--:|".repeat(work.size())).append('\n');
        for (ConfigurationSummary s : summaries) {
            table.append("| ").append(s.configuration().replace("|", "\\|"));
            for (String w : work) {
                table.append(" | ").append(Figures.ms(s.threadCpuMsA().get(w).median())).append(" / ")
                        .append(Figures.ms(s.threadCpuMsB().get(w).median()));
            }
            table.append(" |\n");
        }
        return table.toString();
    }
}
