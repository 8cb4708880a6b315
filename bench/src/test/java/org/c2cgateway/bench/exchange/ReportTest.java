package org.c2cgateway.bench.exchange;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static final Machine MACHINE = new Machine("Test CPU @ 2.0GHz", 2, 8L << 30, "OpenJDK 17.0.15",
            "Linux 6.1 amd64", "2026-11-27T16:00:00Z");
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    /** Open loop, RSA, 5 KB: throughputs 100, 120, 300 (median 120); the last run has no crypto floor. */
    private static List<RunResult> openRsa() {
        return List.of(
                run("RSA open 200/s 5 KB", "RSA", "open", 0, 200, 5 * 1024, 1, 100, 30, 40, 2.0, 1.0, 0, 400, 2.0),
                run("RSA open 200/s 5 KB", "RSA", "open", 0, 200, 5 * 1024, 2, 120, 50, 70, 3.0, 1.5, 2, 420, 2.5),
                run("RSA open 200/s 5 KB", "RSA", "open", 0, 200, 5 * 1024, 3, 300, 20, 55, 2.5, 1.25, 1, 410, 0));
    }

    private static List<RunResult> closedEc() {
        return List.of(
                run("EC closed C=8 50 KB", "EC", "closed", 8, 0, 50 * 1024, 1, 80, 10, 12, 1.2, 0.6, 0, 300, 0.6),
                run("EC closed C=8 50 KB", "EC", "closed", 8, 0, 50 * 1024, 2, 95, 11, 15, 1.0, 0.5, 0, 320, 0.6),
                run("EC closed C=8 50 KB", "EC", "closed", 8, 0, 50 * 1024, 3, 90, 9, 14, 1.4, 0.7, 0, 310, 0.6));
    }

    private static List<RunResult> both() {
        List<RunResult> runs = new ArrayList<>(openRsa());
        runs.addAll(closedEc());
        return runs;
    }

    private static RunResult run(String configuration, String suite, String mode, int concurrency, double offered,
                                 int payload, int repetition, double throughput, double p50, double p99,
                                 double cpuA, double cpuB, int errors, long rssAMb, double floor) {
        return new RunResult(configuration, suite, mode, concurrency, offered, payload, 1, repetition, 1000, errors,
                1000 / throughput, throughput, p50, p50 * 1.5, p99, p99 * 2, cpuA, cpuB, 0, rssAMb * MB,
                (rssAMb - 100) * MB, floor, halvedByWork(cpuA), halvedByWork(cpuB));
    }

    /** A gateway's CPU per message, half of it in the trace store's threads and half in Camel's. */
    private static Map<String, Double> halvedByWork(double cpu) {
        Map<String, Double> byWork = new LinkedHashMap<>();
        ThreadCpu.labels().forEach(work -> byWork.put(work, 0.0));
        byWork.put("trace store", cpu / 2);
        byWork.put("Camel routes", cpu / 2);
        return byWork;
    }

    @Test
    void json_has_every_run_and_each_configurations_median_and_range() throws IOException {
        Report.write("RS to MK", MACHINE, both(), dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve(Report.JSON).toFile());
        assertEquals("Test CPU @ 2.0GHz", json.path("machine").path("cpu").asText());
        assertEquals(2, json.path("machine").path("cores").asInt());
        assertEquals(6, json.path("runs").size());
        JsonNode firstRun = json.path("runs").get(0);
        assertEquals(3.0, firstRun.path("cpuMsPerExchange").asDouble(), 1e-9);
        assertEquals(1.5, firstRun.path("floorRatio").asDouble(), 1e-9);
        assertEquals(400 * MB, firstRun.path("peakRssA").asLong());
        assertTrue(json.path("runs").get(2).path("floorRatio").isNull(), "no floor, no ratio: null, not NaN");

        JsonNode rsa = json.path("configurations").get(0);
        assertEquals("RSA open 200/s 5 KB", rsa.path("configuration").asText());
        assertEquals(3, rsa.path("runs").asInt());
        assertSpread(rsa.path("throughput"), 120, 100, 300);
        assertSpread(rsa.path("p99Ms"), 55, 40, 70);
        assertSpread(rsa.path("maxMs"), 110, 80, 140);
        assertSpread(rsa.path("cpuMsA"), 2.5, 2.0, 3.0);
        assertSpread(rsa.path("cpuMsPerExchange"), 3.75, 3.0, 4.5);
        // the ratios of the two runs with a floor: 3.0 / 2.0 and 4.5 / 2.5, whose median is their mean
        assertSpread(rsa.path("floorRatio"), (1.5 + 1.8) / 2, 1.5, 1.8);
        assertSpread(rsa.path("peakRssA"), 410 * MB, 400 * MB, 420 * MB);
        assertSpread(rsa.path("cryptoFloorMs"), 2.0, 0, 2.5);
        assertEquals(3, rsa.path("errors").asInt());

        JsonNode ec = json.path("configurations").get(1);
        assertEquals("closed", ec.path("mode").asText());
        assertEquals(8, ec.path("concurrency").asInt());
        assertSpread(ec.path("throughput"), 90, 80, 95);
        assertSpread(ec.path("p50Ms"), 10, 9, 11);
        assertSpread(ec.path("cpuMsB"), 0.6, 0.5, 0.7);
        assertEquals(0, ec.path("errors").asInt());
    }

    @Test
    void markdown_has_the_machine_and_a_row_of_medians_per_configuration_in_first_seen_order() throws IOException {
        Report.write("RS to MK", MACHINE, both(), dir);

        String md = Files.readString(dir.resolve(Report.MARKDOWN));
        assertTrue(md.startsWith("# RS to MK\n"), md);
        assertTrue(md.contains("Test CPU @ 2.0GHz, 2 cores, 8.0 GB, OpenJDK 17.0.15, Linux 6.1 amd64"), md);
        assertTrue(md.contains("| RSA open 200/s 5 KB | 3 | 120 (100–300) | 30.0 | 45.0 | 55.0 (40.0–70.0) | 110.0"
                + " | 2.5 | 1.3 | 0.00 | 3.8 | 2.0 | 1.65 (1.50–1.80) | 420 / 320 | 3 |"), md);
        assertTrue(md.contains("| EC closed C=8 50 KB | 3 | 90.0 (80.0–95.0) | 10.0 | 15.0 | 14.0 (12.0–15.0) | 28.0"
                + " | 1.2 | 0.60 | 0.00 | 1.8 | 0.60 | 3.00 (2.50–3.50) | 320 / 220 | 0 |"), md);
        assertTrue(md.indexOf("| RSA open") < md.indexOf("| EC closed"), "first-seen order");
        assertTrue(md.contains("[load.png](load.png)") && md.contains("[payload.png](payload.png)"), md);
        assertTrue(md.contains(Report.mediansTable(both())), "the console table is the report's table");
    }

    @Test
    void markdown_has_the_medians_of_each_gateways_cpu_by_its_threads_work() throws IOException {
        Report.write("RS to MK", MACHINE, both(), dir);

        String md = Files.readString(dir.resolve(Report.MARKDOWN));
        assertTrue(md.contains("| CPU ms/msg by thread, RS / MK (medians) | trace store | Camel routes | Jetty | Netty"
                + " | HTTP client | broker | delivery statuses | JIT | GC and VM | other | ended threads |"), md);
        // RS's medians 2.5 and MK's 1.25 ms per message, halved
        assertTrue(md.contains("| RSA open 200/s 5 KB | 1.3 / 0.63 | 1.3 / 0.63 | 0.00 / 0.00 |"), md);
        assertTrue(md.contains(Report.threadsTable(both())), "the console table is the report's table");
        JsonNode json = new ObjectMapper().readTree(dir.resolve(Report.JSON).toFile());
        assertEquals(1.0, json.path("runs").get(0).path("threadCpuMsA").path("trace store").asDouble(), 1e-9);
        assertSpread(json.path("configurations").get(0).path("threadCpuMsB").path("Camel routes"), 0.625, 0.5, 0.75);
    }

    @Test
    void draws_both_charts_at_their_size_when_two_payload_sizes_were_run() throws IOException {
        List<Path> written = Report.write("RS to MK", MACHINE, both(), dir);

        assertEquals(List.of(dir.resolve(Report.JSON), dir.resolve(Report.MARKDOWN), dir.resolve(ReportCharts.LOAD),
                dir.resolve(ReportCharts.PAYLOAD)), written);
        for (String png : List.of(ReportCharts.LOAD, ReportCharts.PAYLOAD)) {
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertEquals(Chart.WIDTH, image.getWidth(), png);
            assertEquals(Chart.HEIGHT, image.getHeight(), png);
            assertTrue(pixelsOf(image, 0x1f77b4) > 50, png + " shows its first series");
        }
    }

    @Test
    void without_a_second_payload_size_draws_no_payload_chart_and_plots_load_by_concurrency() throws IOException {
        List<Path> written = Report.write("closed only", MACHINE, closedEc(), dir);

        assertEquals(List.of(dir.resolve(Report.JSON), dir.resolve(Report.MARKDOWN), dir.resolve(ReportCharts.LOAD)),
                written);
        assertFalse(Files.exists(dir.resolve(ReportCharts.PAYLOAD)));
        assertEquals(Chart.WIDTH, ImageIO.read(dir.resolve(ReportCharts.LOAD).toFile()).getWidth());
        assertFalse(Files.readString(dir.resolve(Report.MARKDOWN)).contains("payload.png"));
    }

    @Test
    void a_size_none_of_whose_messages_arrived_is_no_point_of_the_payload_chart() throws IOException {
        List<RunResult> runs = new ArrayList<>(closedEc());
        // every message refused: throughput 0, and its CPU per message only what the refusals cost
        runs.add(run("EC closed C=8 10 MB", "EC", "closed", 8, 0, 10_000_000, 1, 0, Double.NaN, Double.NaN, 9, 1, 1000,
                300, 0.6));

        Report.write("one size refused", MACHINE, runs, dir);

        assertFalse(Files.exists(dir.resolve(ReportCharts.PAYLOAD)), "one size delivered: nothing to draw against");
        assertTrue(Files.readString(dir.resolve(Report.MARKDOWN)).contains("EC closed C=8 10 MB"), "still reported");
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertEquals(new Spread(2.5, 1, 10), Spread.of(List.of(10.0, 1.0, 3.0, 2.0), Double::doubleValue));
        assertEquals(new Spread(7, 7, 7), Spread.of(List.of(7.0), Double::doubleValue));
    }

    @Test
    void reads_the_cpu_model_line_by_line() throws IOException {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"),
                "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n");
        assertEquals("Intel(R) Xeon(R) CPU @ 2.20GHz", Machine.cpuModel(cpuinfo));
        assertEquals("unknown", Machine.cpuModel(dir.resolve("missing")));
        assertTrue(Machine.current().cores() > 0);
    }

    private static void assertSpread(JsonNode spread, double median, double min, double max) {
        assertEquals(median, spread.path("median").asDouble(), 1e-9, "median of " + spread);
        assertEquals(min, spread.path("min").asDouble(), 1e-9, "min of " + spread);
        assertEquals(max, spread.path("max").asDouble(), 1e-9, "max of " + spread);
    }

    private static int pixelsOf(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return count;
    }
}
