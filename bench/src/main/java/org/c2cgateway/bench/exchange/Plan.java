package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one harness invocation runs: a mode's defaults ({@code smoke}, {@code standard}, {@code full}), with any
 * option given on the command line in their place.
 */
record Plan(String mode, List<GatewayPair.Suite> suites, List<Load> loads, int repeats, int warmup, int startups,
            List<Integer> payloadsBytes, List<Integer> partners, List<String> jvm, Map<String, String> settings,
            int backlog) {

    private static final int NOTIFICATION = 6_200; // the RS to MK sample as it is

    static Plan of(Map<String, String> options) throws IOException {
        String mode = options.getOrDefault("mode", "standard");
        boolean smoke = mode.equals("smoke");
        boolean full = mode.equals("full");
        if (!smoke && !full && !mode.equals("standard")) {
            throw new IllegalArgumentException("--mode must be smoke, standard or full, not " + mode);
        }
        List<GatewayPair.Suite> suites = Arrays.stream(options.getOrDefault("suites", smoke ? "RSA" : "RSA,EC").split(","))
                .map(s -> GatewayPair.Suite.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
        int messages = Integer.parseInt(options.getOrDefault("messages", smoke ? "300" : "1500"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", smoke ? "8" : "32"));
        int openSeconds = Integer.parseInt(options.getOrDefault("open-seconds", smoke ? "3" : "20"));
        // the standard rates straddle what the gateways sustain on this machine today (README, "Performance")
        List<Integer> rates = ints(options.getOrDefault("rates", smoke ? "20" : full ? "10,20,40,100,200" : "10,20,40"));
        List<Integer> payloads = ints(options.getOrDefault("payloads-kb", full ? "6,100,1000,10000" : "6")).stream()
                .map(kb -> kb == 6 ? NOTIFICATION : kb * 1000).toList();
        List<Load> loads = new ArrayList<>();
        int base = payloads.get(0);
        loads.add(Load.closed(concurrency, base, messages));
        rates.forEach(rate -> loads.add(Load.open(rate, base, rate * openSeconds)));
        for (int payload : payloads.subList(1, payloads.size())) {
            // fewer of the large ones: about the same bytes as the base run, and at least 20
            int count = (int) Math.max(20, Math.min(messages, (long) messages * base / payload));
            loads.add(Load.closed(4, payload, count));
        }
        List<String> jvm = options.containsKey("jvm") ? List.of(options.get("jvm").trim().split("\\s+")) : List.of();
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String setting : options.getOrDefault("set", "").split(",(?=[\\w.-]+=)")) {
            if (!setting.isBlank()) {
                settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        return new Plan(mode, suites, loads,
                Integer.parseInt(options.getOrDefault("repeats", smoke ? "1" : "3")),
                // the JIT still compiles for about 10,000 messages: four runs of 3,000 after a warm-up of 3,000 used
                // 31.9, 26.9, 24.3 and 23.3 ms per exchange (README, "Warm-up"); a serving gateway is past that
                Integer.parseInt(options.getOrDefault("warmup", smoke ? "50" : "10000")),
                Integer.parseInt(options.getOrDefault("startups", smoke ? "0" : "5")),
                payloads, partners(options.getOrDefault("partners", full ? MorePartners.DEMO + ",50" : "")), jvm, settings,
                // the backlog is 50,000: at today's rates, over an hour, so only the full mode runs it; the
                // smoke mode runs a small one so that the outage and restart cannot rot
                Integer.parseInt(options.getOrDefault("backlog", full ? "50000" : smoke ? "100" : "0")));
    }

    /** The closed loop's concurrency (the highest, where the full mode adds small ones for large payloads). */
    int concurrency() {
        return loads.stream().mapToInt(Load::concurrency).max().orElse(8);
    }

    /** The most partners any pair runs with. */
    int mostPartners() {
        return partners.stream().mapToInt(Integer::intValue).max().orElse(MorePartners.DEMO);
    }

    boolean smoke() {
        return mode.equals("smoke");
    }

    /** The largest notification the gateways must take, with room for the growth of the sample. */
    long maxPayloadBytes() {
        return Math.max(10_485_760L, payloadsBytes.stream().mapToLong(Integer::longValue).max().orElse(0) * 2);
    }

    /** RS's partner counts, one pair each: at least the demo's two (MK, which is sent to, and BG). */
    private static List<Integer> partners(String list) {
        List<Integer> partners = list.isEmpty() ? List.of(MorePartners.DEMO) : ints(list);
        if (partners.stream().anyMatch(count -> count < MorePartners.DEMO || count > MorePartners.MOST)) {
            throw new IllegalArgumentException("--partners: each count from " + MorePartners.DEMO
                    + " (the demo's MK and BG) to " + MorePartners.MOST + ", not " + list);
        }
        return partners;
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "suites %s, %s%d loads x %d repetitions, warm-up %d, %sstart-ups %d, JVM %s%s",
                suites, partners.equals(List.of(MorePartners.DEMO)) ? "" : "partners of RS " + partners + ", ",
                loads.size(), repeats, warmup, backlog > 0 ? "backlog " + backlog + ", " : "", startups,
                "-Xmx2g, gateway/jvm.options" + (jvm.isEmpty() ? "" : ", then " + String.join(" ", jvm)),
                settings.isEmpty() ? "" : ", settings " + settings);
    }
}
