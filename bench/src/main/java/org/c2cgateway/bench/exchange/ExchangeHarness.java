package org.c2cgateway.bench.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import org.c2cgateway.bench.GatewayProcess;
import org.c2cgateway.bench.Notifications;
import org.c2cgateway.transport.TlsMaterial;

/**
 * The end-to-end harness: RS and MK as two gateway processes on the embedded defaults, RS's national system
 * submitting over REST and MK's receiving on its webhook, under closed- and open-loop load, for each crypto
 * suite; with each run's throughput, latency, CPU per message of each process (from the OS), peak RSS and errors,
 * and the RSA-2048 crypto floor measured in between. Writes {@code report.md}, {@code report.json} and charts.
 * <pre>
 * java -cp bench/target/benchmarks.jar org.c2cgateway.bench.exchange.ExchangeHarness [--mode smoke|standard|full]
 *      [--suites RSA,EC] [--repeats 3] [--messages 3000] [--concurrency 32] [--rates 50,100,200]
 *      [--payloads-kb 5,100,1000] [--warmup 1000] [--out bench/target/exchange] [--jar gateway/target/c2c-gateway.jar]
 *      [--jvm "-Xmx256m ..."] [--set key=value,key=value] [--db h2|postgres] [--profile DIR] [--backlog 50000]
 *      [--partners 2,50]
 * </pre>
 * {@code smoke} (a few hundred messages, one repetition) fails with exit status 1 on any error: CI runs it so that
 * the harness cannot rot. It asserts nothing about time. {@code --profile DIR} runs both gateways with JFR from
 * their start and dumps each measured run's window (warm-up excluded) into a directory per run ({@link ProfileSummary}
 * reads them); the recording's own cost is in every figure of that invocation. {@code --set} gives both gateways
 * more settings (an A/B of one). {@code --db postgres} puts each gateway's trace store in a fresh schema on the
 * PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}); that server's CPU, all its processes,
 * counts as the store's ({@link StoreServerCpu}).
 * {@code --backlog N} (full mode: 50,000) ends each suite with a partner outage: RS accepts N while MK is down, then
 * MK comes back and the backlog's drain is timed. {@code --partners 2,50} runs each suite's pair once per count, RS
 * configured with that many partners ({@link MorePartners}; the demo has 2), still sending to MK only.
 */
public final class ExchangeHarness {

    private final Plan plan;
    private final Map<String, String> options;
    private final Path home;
    private final Path jar;
    private final Path out;
    private final SSLContext rsNationalSystem;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<RunResult> results = new ArrayList<>();
    private final List<Long> startups = new ArrayList<>();
    private final List<Long> startupsWithoutArchive = new ArrayList<>();
    private int runs;

    private ExchangeHarness(Map<String, String> options, Plan plan, Path home, Path jar, Path out) {
        this.options = options;
        this.plan = plan;
        this.home = home;
        this.jar = jar;
        this.out = out;
        char[] password = "changeit".toCharArray();
        this.rsNationalSystem = TlsMaterial.load(home.resolve("certs-dev/pki/rs/national.p12"), password,
                home.resolve("certs-dev/pki/truststore.p12"), password).clientContext();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Plan plan = Plan.of(options);
        Path home = Notifications.repositoryRoot();
        Path jar = home.resolve(options.getOrDefault("jar", "gateway/target/c2c-gateway.jar"));
        Path out = Path.of(options.getOrDefault("out", home.resolve("bench/target/exchange").toString())).toAbsolutePath();
        ExchangeHarness harness = new ExchangeHarness(options, plan, home, jar, out);
        int errors = harness.run();
        if (plan.smoke() && errors > 0) {
            System.err.println("exchange harness smoke: " + errors + " errors");
            System.exit(1);
        }
    }

    private int run() throws Exception {
        Files.createDirectories(out);
        System.out.printf("exchange harness (%s): %s; data and logs under %s%n", plan.mode(), plan, out);
        CryptoFloor floor = new CryptoFloor();
        try (NationalWebhook webhook = new NationalWebhook(home)) {
            MorePartners more = plan.mostPartners() > MorePartners.DEMO
                    ? MorePartners.create(home, fresh(out.resolve("more-partners")), plan.mostPartners()) : null;
            for (GatewayPair.Suite suite : plan.suites()) {
                for (int partners : plan.partners()) {
                    runSuite(suite, partners == MorePartners.DEMO ? null : more.upTo(partners), webhook, floor);
                }
            }
        }
        if (plan.startups() > 0) {
            measureStartups();
        }
        int errors = results.stream().mapToInt(RunResult::errors).sum();
        Files.writeString(out.resolve("runs.txt"), String.join("\n", results.stream().map(ExchangeHarness::line).toList()) + "\n");
        String title = "C2C Gateway exchange harness, " + plan.mode() + " mode, " + Instant.now().toString().substring(0, 16) + "Z"
                + " (" + plan + ")"
                + (startups.isEmpty() ? "" : "; RS start-up (JVM start to ready) median of " + startups.size() + ": "
                + median(startups) + " ms " + startups + " with the class data archive, " + median(startupsWithoutArchive)
                + " ms " + startupsWithoutArchive + " without");
        Report.write(title, Machine.current(), results, out);
        System.out.printf("%n%s%n%s%n%s%n%d runs, %d errors; report in %s%n", title, Report.mediansTable(results),
                Report.threadsTable(results), results.size(), errors, out);
        return errors;
    }

    /** One pair of gateways in {@code suite}, RS with {@code more} partners than the demo's: its warm-up and loads. */
    private void runSuite(GatewayPair.Suite suite, MorePartners more, NationalWebhook webhook, CryptoFloor floor)
            throws Exception {
        int partners = MorePartners.count(more);
        Path data = fresh(out.resolve("gateways-" + suite.name().toLowerCase(Locale.ROOT) + Load.partners(partners)
                .replace(' ', '-')));
        Map<String, String> extra = new HashMap<>(plan.settings());
        if (plan.maxPayloadBytes() > 10_485_760) {
            extra.put("c2c.max-payload-bytes", String.valueOf(plan.maxPayloadBytes()));
        }
        try (GatewayPair pair = new GatewayPair(home, jar, data, suite, webhook, extra, more, plan.jvm(),
                "postgres".equals(options.get("db")), options.containsKey("profile"))) {
            System.out.printf("%s suite, %d partners of RS: RS pid %d, MK pid %d ready%n", suite, partners,
                    pair.rs.pid(), pair.mk.pid());
            warmUp(pair, webhook, plan.warmup());
            for (Load load : plan.loads()) {
                for (int repetition = 1; repetition <= plan.repeats(); repetition++) {
                    RunResult result = measure(pair, webhook, floor, load, repetition);
                    results.add(result);
                    System.out.println(line(result));
                }
            }
            if (plan.backlog() > 0) {
                RunResult result = backlog(pair, webhook, floor, data);
                results.add(result);
                System.out.println(line(result));
            }
        }
    }

    /**
     * The JIT, the connection pools and the broker's journal files, before anything is measured; at the plan's
     * closed-loop concurrency, since a JIT warmed at a lower one recompiled (deoptimised, "unstable_if",
     * "class_check") for most of the first measured run.
     */
    private void warmUp(GatewayPair pair, NationalWebhook webhook, int messages) throws Exception {
        if (messages == 0) {
            return;
        }
        Traffic traffic = new Traffic(plan.payloadsBytes().get(0), tag, runs++);
        List<LoadGenerator.Submission> sent = new LoadGenerator(pair.rs.base(), rsNationalSystem)
                .closed(traffic, 0, messages, plan.concurrency(), webhook);
        awaitArrivals(webhook, sent);
        pair.awaitQuiet();
    }

    private RunResult measure(GatewayPair pair, NationalWebhook webhook, CryptoFloor floor, Load load, int repetition)
            throws Exception {
        double floorMs = floor.millisPerExchange(); // while both gateways are idle: it is the same machine's floor
        Traffic traffic = new Traffic(load.payloadBytes(), tag, runs++);
        LoadGenerator generator = new LoadGenerator(pair.rs.base(), rsNationalSystem);
        int messages = load.messages();
        Path profile = options.containsKey("profile") ? Files.createDirectories(Path.of(options.get("profile"))
                .resolve(load.name(pair.suite, traffic.size(), pair.partners).replaceAll("[^A-Za-z0-9]+", "-") + "-"
                        + repetition)) : null;
        Instant begin = Instant.now();
        Duration[] before = pair.cpu();
        List<Map<Long, ThreadCpu.Sample>> threadsBefore = pair.threads();
        List<LoadGenerator.Submission> sent = load.perSecond() > 0
                ? generator.open(traffic, 0, messages, load.perSecond())
                : generator.closed(traffic, 0, messages, load.concurrency(), webhook);
        Arrivals arrivals = awaitArrivals(webhook, sent);
        pair.awaitQuiet();
        Duration[] after = pair.cpu();
        List<Map<Long, ThreadCpu.Sample>> threadsAfter = pair.threads();
        if (profile != null) {
            pair.dumpRecordings(profile, begin);
        }
        long first = sent.stream().mapToLong(LoadGenerator.Submission::intendedNanos).min().orElse(0);
        return result(load.name(pair.suite, traffic.size(), pair.partners), load.perSecond() > 0 ? "open" : "closed",
                load, repetition, pair, arrivals, first, traffic.size(), before, after, threadsBefore, threadsAfter,
                floorMs);
    }

    /**
     * A backlog: MK stopped while RS accepts {@link Plan#backlog()} notifications (closed loop, waiting for RS's
     * answer only), then MK started again on the same ports and store, as after an outage. The drain is timed from
     * the first arrival after the restart to the last, so that RS's circuit breaker probe (30 s by default) and MK's
     * start are not in it; CPU is counted from MK ready. Its throughput compares with the closed loop's.
     */
    private RunResult backlog(GatewayPair pair, NationalWebhook webhook, CryptoFloor floor, Path data) throws Exception {
        double floorMs = floor.millisPerExchange();
        Traffic traffic = new Traffic(plan.payloadsBytes().get(0), tag, runs++);
        int messages = plan.backlog();
        pair.mk.close();
        long acceptStart = System.nanoTime();
        List<LoadGenerator.Submission> sent = new LoadGenerator(pair.rs.base(), rsNationalSystem)
                .closed(traffic, 0, messages, plan.concurrency(), null);
        double acceptSeconds = (System.nanoTime() - acceptStart) / 1e9;
        long accepted = sent.stream().filter(LoadGenerator.Submission::accepted).count();
        System.out.printf(Locale.ROOT, "  backlog: RS accepted %d of %d in %.1f s (%.1f/s) with MK down; MK starts%n",
                accepted, messages, acceptSeconds, accepted / acceptSeconds);
        pair.mk.start(data.resolve("mk-after-backlog.log"));
        long ready = System.nanoTime();
        Duration[] before = pair.cpu();
        List<Map<Long, ThreadCpu.Sample>> threadsBefore = pair.threads();
        Arrivals arrivals = awaitArrivals(webhook, sent, Duration.ofMinutes(3));
        pair.awaitQuiet();
        Duration[] after = pair.cpu();
        List<Map<Long, ThreadCpu.Sample>> threadsAfter = pair.threads();
        long first = arrivals.count() == 0 ? ready : arrivals.first();
        System.out.printf(Locale.ROOT, "  backlog: first arrival %.1f s after MK was ready, drained in %.1f s%n",
                (first - ready) / 1e9, (arrivals.last() - first) / 1e9);
        String configuration = pair.suite + " backlog " + messages + " " + Load.size(traffic.size())
                + Load.partners(pair.partners);
        return result(configuration, "backlog", Load.closed(plan.concurrency(), traffic.size(), messages), 1, pair,
                arrivals, first, traffic.size(), before, after, threadsBefore, threadsAfter, floorMs);
    }

    /**
     * One run's result: throughput over {@code first} (the first intended submission, or a drain's first arrival)
     * to the last arrival, and each gateway's CPU between {@code before} and {@code after} per message, as a whole and
     * by its threads' work.
     */
    private static RunResult result(String configuration, String mode, Load load, int repetition, GatewayPair pair,
            Arrivals arrivals, long first, int payloadBytes, Duration[] before, Duration[] after,
            List<Map<Long, ThreadCpu.Sample>> threadsBefore, List<Map<Long, ThreadCpu.Sample>> threadsAfter,
            double floorMs) {
        int messages = load.messages();
        double seconds = (arrivals.last() - first) / 1e9;
        double[] latencies = arrivals.latenciesMs();
        return new RunResult(configuration, pair.suite.name(), mode, load.concurrency(), load.perSecond(), payloadBytes,
                pair.partners, repetition, messages, arrivals.errors(), seconds, arrivals.count() / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1],
                after[0].minus(before[0]).toNanos() / 1e6 / messages, after[1].minus(before[1]).toNanos() / 1e6 / messages,
                after[2].minus(before[2]).toNanos() / 1e6 / messages,
                pair.rs.peakRss(), pair.mk.peakRss(), floorMs,
                ThreadCpu.perMessage(threadsBefore.get(0), threadsAfter.get(0), after[0].minus(before[0]), messages),
                ThreadCpu.perMessage(threadsBefore.get(1), threadsAfter.get(1), after[1].minus(before[1]), messages));
    }

    private static Arrivals awaitArrivals(NationalWebhook webhook, List<LoadGenerator.Submission> sent)
            throws InterruptedException {
        return awaitArrivals(webhook, sent, Duration.ofSeconds(60));
    }

    /** What reached MK's national system of what RS accepted, waiting while arrivals still come ({@code quiet}). */
    private static Arrivals awaitArrivals(NationalWebhook webhook, List<LoadGenerator.Submission> sent, Duration quiet)
            throws InterruptedException {
        List<LoadGenerator.Submission> accepted = sent.stream().filter(LoadGenerator.Submission::accepted).toList();
        sent.stream().filter(s -> !s.accepted()).limit(3).forEach(s -> System.out.println("  refused: " + s.error()));
        long quietSince = System.nanoTime();
        int seen = -1;
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            int now = (int) accepted.stream().filter(s -> webhook.arrival(s.messageId()) != null).count();
            if (now == accepted.size()) {
                break;
            }
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(100); // arrivals come from another process's pushes
        }
        return Arrivals.of(webhook, sent);
    }

    /**
     * Start-up of the RS gateway, JVM start to ready, on a trace store and journal it has used before: with the class
     * data archive that {@code gateway/bin/c2c-gateway cds} makes, and without, alternately. The first start creates
     * the store and, as {@code cds} does, the archive: a one-off, not measured.
     */
    private void measureStartups() throws Exception {
        Path data = fresh(out.resolve("startup"));
        Path archive = data.resolve("c2c-gateway.jsa");
        start(data, "first", List.of("-XX:ArchiveClassesAtExit=" + archive));
        for (int i = 1; i <= plan.startups(); i++) {
            startups.add(start(data, "archive-" + i, List.of("-XX:SharedArchiveFile=" + archive)));
            startupsWithoutArchive.add(start(data, "plain-" + i, List.of()));
        }
    }

    /** One start of RS to ready, then a stop; its start-up time. */
    private long start(Path data, String name, List<String> jvm) throws Exception {
        List<String> options = new ArrayList<>(plan.jvm());
        options.addAll(jvm);
        GatewayProcess rs = new GatewayProcess(home, jar, "rs", data.resolve("rs")).jvmOptions(options);
        try {
            rs.start(data.resolve("rs-" + name + ".log"));
        } finally {
            rs.close();
        }
        return rs.startupMillis();
    }

    private static Path fresh(Path directory) throws java.io.IOException {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return Files.createDirectories(directory);
    }

    static String line(RunResult r) {
        return String.format(Locale.ROOT, "%-28s #%d  %5d msgs %3d err  %7.1f msg/s  p50 %7.1f  p90 %7.1f  p99 %7.1f  max %7.1f ms"
                        + "  CPU A %5.2f + B %5.2f + store %5.2f = %5.2f ms/msg (floor %4.2f, %4.1fx)  RSS A %4d MB B %4d MB",
                r.configuration(), r.repetition(), r.messages(), r.errors(), r.throughput(), r.p50Ms(), r.p90Ms(),
                r.p99Ms(), r.maxMs(), r.cpuMsA(), r.cpuMsB(), r.cpuMsStore(), r.cpuMsPerExchange(), r.cryptoFloorMs(),
                r.floorRatio(),
                r.peakRssA() >> 20, r.peakRssB() >> 20);
    }

    /** The nearest-rank percentile. */
    static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value at " + args[i] + "; see the class comment");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
