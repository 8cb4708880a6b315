package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes what the exchange harness measured into one directory: {@code report.json} with every run and each
 * configuration's medians and ranges, for tools and for comparing reports later; {@code report.md} with the
 * medians table, for the README and for reviewers; and the charts. A single run on a shared machine can be far off,
 * so the report leads with medians and always shows the range beside them.
 */
public final class Report {

    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /**
     * @param title     the report's heading, e.g. what was exchanged between which gateways
     * @param directory created if missing; files of an earlier report there are replaced
     * @return the files written
     */
    public static List<Path> write(String title, Machine machine, List<RunResult> results, Path directory)
            throws IOException {
        Files.createDirectories(directory);
        List<ConfigurationSummary> summaries = ConfigurationSummary.of(results);
        List<Path> written = new ArrayList<>();
        Path json = directory.resolve(JSON);
        MAPPER.writeValue(json.toFile(), json(title, machine, results, summaries));
        written.add(json);
        List<Path> charts = ReportCharts.write(summaries, directory);
        Path markdown = directory.resolve(MARKDOWN);
        Files.writeString(markdown, markdown(title, machine, summaries, charts), StandardCharsets.UTF_8);
        written.add(markdown);
        written.addAll(charts);
        return written;
    }

    /** The medians table alone (Markdown), for the console at the end of a run. */
    public static String mediansTable(List<RunResult> results) {
        return MediansTable.of(ConfigurationSummary.of(results));
    }

    /** The table of CPU by the gateways' threads (Markdown), for the console at the end of a run. */
    public static String threadsTable(List<RunResult> results) {
        return ThreadsTable.of(ConfigurationSummary.of(results));
    }

    static JsonNode json(String title, Machine machine, List<RunResult> results,
                         List<ConfigurationSummary> summaries) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", title);
        root.set("machine", MAPPER.valueToTree(machine));
        ArrayNode runs = root.putArray("runs");
        for (RunResult r : results) {
            ObjectNode run = MAPPER.valueToTree(r);
            run.put("cpuMsPerExchange", r.cpuMsPerExchange());
            run.put("floorRatio", r.floorRatio());
            runs.add(run);
        }
        root.set("configurations", MAPPER.valueToTree(summaries));
        return withoutNaN(root);
    }

    /** JSON has no NaN: a figure that is not a number (a ratio without a floor) is written as null. */
    private static JsonNode withoutNaN(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> object.set(name, withoutNaN(object.get(name))));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutNaN(array.get(i)));
            }
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return MAPPER.nullNode();
        }
        return node;
    }

    static String markdown(String title, Machine machine, List<ConfigurationSummary> summaries, List<Path> charts) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n")
                .append("Machine: ").append(machine.describe()).append("\n\n")
                .append(MediansTable.of(summaries)).append('\n')
                .append(ThreadsTable.of(summaries)).append('\n');
        if (!charts.isEmpty()) {
            md.append("Charts (medians, whiskers from min to max): ");
            md.append(String.join(", ", charts.stream().map(p -> p.getFileName().toString())
                    .map(name -> "[" + name + "](" + name + ")").toList()));
            md.append(".\n\n");
            for (Path chart : charts) {
                String name = chart.getFileName().toString();
                md.append("![").append(name).append("](").append(name).append(")\n");
            }
        }
        return md.toString();
    }
}
