package org.c2cgateway.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The search latency of a real gateway over a large trace store: seeds the store ({@link TraceGenerator}), starts
 * the RS gateway on it ({@link GatewayProcess}) and asks {@code GET /api/v1/messages} a mix of operators' questions
 * over HTTPS with an operator's bearer token, one at a time, then prints p50, p95, p99 and max per kind of question
 * and overall. Not a JMH benchmark: what is measured is a whole gateway answering over the network.
 * <pre>
 * java -cp bench/target/benchmarks.jar org.c2cgateway.bench.SearchLatency --messages 1000000 --db h2|postgres
 *      [--rounds 200] [--data bench/target/search-latency] [--reuse] [--keep]
 * </pre>
 * PostgreSQL is the one at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), in a schema of its own that
 * is dropped at the end unless {@code --keep}; {@code --reuse} searches a store seeded by an earlier {@code --keep}
 * (or H2) run instead of seeding again.
 */
public final class SearchLatency {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "search_latency";
    private static final int WARM_UP = 30;
    private static final List<String> STATUSES = List.of("DELIVERED_TO_PARTNER", "ACKNOWLEDGED", "FAILED", "QUEUED",
            "REJECTED", "SENDING", "DELIVERED", "UNDELIVERABLE");

    /** The operators' questions, as a console or the trace command asks them. */
    enum Kind {
        BY_MRN, BY_MESSAGE_ID, PARTNER_AND_STATUS, DIRECTION_TYPE_DAY, FREE_TEXT_PREFIX, LATEST_PAGE, OLDEST_FIRST
    }

    private record Sample(String messageId, String mrn, String nationalMessageId) {
    }

    /** Messages to ask about, and the time the store spans. */
    private record Seeded(List<Sample> samples, Instant first, Instant last) {
    }

    private SearchLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int messages = Integer.parseInt(options.getOrDefault("messages", "1000000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "200"));
        boolean postgres = "postgres".equals(options.getOrDefault("db", "h2"));
        Path home = Notifications.repositoryRoot();
        Path data = Path.of(options.getOrDefault("data", home.resolve("bench/target/search-latency").toString()))
                .resolve(postgres ? "postgres" : "h2").toAbsolutePath();
        Path jar = home.resolve(options.getOrDefault("jar", "gateway/target/c2c-gateway.jar"));
        Files.createDirectories(data);
        Path log = data.resolve("gateway.log");
        String token = newToken();
        Map<String, String> settings = new HashMap<>();
        settings.put("c2c.access.operators.bench.role", "operator");
        settings.put("c2c.access.operators.bench.token-sha256", sha256Hex(token));
        String jdbc = postgres ? PG + "?currentSchema=" + SCHEMA : "jdbc:h2:file:" + data.resolve("rs/trace/trace");
        if (postgres) {
            settings.put("datasources.default.url", jdbc);
            settings.put("datasources.default.driver-class-name", "org.postgresql.Driver");
            settings.put("datasources.default.username", "postgres");
            settings.put("datasources.default.password", "");
            settings.put("datasources.default.dialect", "POSTGRES");
        }
        System.out.printf("search latency: %,d messages, %s, gateway log %s%n", messages, postgres ? "PostgreSQL" : "H2", log);
        try {
            if (!options.containsKey("reuse")) {
                fresh(postgres, data);
                try (GatewayProcess migrating = GatewayProcess.start(home, jar, data.resolve("rs"), settings, log)) {
                    System.out.println("trace store migrated by the gateway " + migrating.base());
                }
                seed(jdbc, messages);
            }
            Seeded seeded = samples(jdbc);
            try (GatewayProcess gateway = GatewayProcess.start(home, jar, data.resolve("rs"), settings, log)) {
                measure(gateway, token, seeded, rounds);
            }
        } finally {
            if (postgres && !options.containsKey("keep")) {
                dropSchema();
            }
        }
    }

    private static void fresh(boolean postgres, Path data) throws IOException, SQLException {
        if (postgres) {
            dropSchema();
            try (Connection db = DriverManager.getConnection(PG, "postgres", ""); Statement s = db.createStatement()) {
                s.execute("CREATE SCHEMA " + SCHEMA);
            }
        }
        Path store = data.resolve("rs");
        if (Files.exists(store)) {
            try (var files = Files.walk(store)) {
                files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void dropSchema() throws SQLException {
        try (Connection db = DriverManager.getConnection(PG, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static void seed(String jdbc, int messages) throws SQLException {
        TraceGenerator generator = new TraceGenerator(messages, Duration.ofDays(180));
        long started = System.nanoTime();
        try (Connection db = connect(jdbc, true)) {
            long steps = generator.seed(db, done -> {
                if (done % 100_000 == 0) {
                    System.out.printf("  seeded %,d messages (%d s)%n", done, (System.nanoTime() - started) / 1_000_000_000);
                }
            });
            if (jdbc.startsWith("jdbc:postgresql")) {
                try (Statement s = db.createStatement()) {
                    db.setAutoCommit(true);
                    s.execute("ANALYZE"); // what autovacuum would do soon after such a load
                }
            }
            System.out.printf("seeded %,d messages and %,d steps in %d s%n", messages, steps,
                    (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    private static Connection connect(String jdbc, boolean forLoading) throws SQLException {
        if (jdbc.startsWith("jdbc:postgresql")) {
            return DriverManager.getConnection(jdbc + (forLoading ? "&reWriteBatchedInserts=true" : ""), "postgres", "");
        }
        return DriverManager.getConnection(jdbc, "sa", "");
    }

    /** Messages spread over the whole store, to ask about: found by their creation times, through its index. */
    private static Seeded samples(String jdbc) throws SQLException {
        List<Sample> samples = new ArrayList<>();
        try (Connection db = connect(jdbc, false)) {
            Instant first;
            Instant last;
            try (Statement s = db.createStatement();
                 ResultSet r = s.executeQuery("SELECT MIN(created_at), MAX(created_at) FROM trace_message")) {
                r.next();
                first = r.getObject(1, java.time.OffsetDateTime.class).toInstant();
                last = r.getObject(2, java.time.OffsetDateTime.class).toInstant();
            }
            Random random = new Random(11);
            try (PreparedStatement at = db.prepareStatement("SELECT message_id, mrn, national_message_id FROM trace_message "
                    + "WHERE created_at >= ? ORDER BY created_at FETCH FIRST 1 ROWS ONLY")) {
                for (int i = 0; i < 500; i++) {
                    long offset = (long) (random.nextDouble() * Duration.between(first, last).toMillis());
                    at.setObject(1, first.plusMillis(offset).atOffset(ZoneOffset.UTC));
                    try (ResultSet r = at.executeQuery()) {
                        if (r.next()) {
                            samples.add(new Sample(r.getString(1), r.getString(2), r.getString(3)));
                        }
                    }
                }
            }
            return new Seeded(samples, first, last);
        }
    }

    private static void measure(GatewayProcess gateway, String token, Seeded seeded, int rounds)
            throws IOException, InterruptedException {
        Random random = new Random(5);
        Map<Kind, Function<Random, String>> questions = questions(seeded);
        List<Kind> order = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            order.addAll(Collections.nCopies(rounds, kind));
        }
        Collections.shuffle(order, random);
        for (Kind kind : Kind.values()) { // the JIT, the pool's connections, the database's caches
            for (int i = 0; i < WARM_UP; i++) {
                ask(gateway, token, questions.get(kind).apply(random));
            }
        }
        Map<Kind, List<Long>> timings = new EnumMap<>(Kind.class);
        Map<Kind, Long> items = new EnumMap<>(Kind.class);
        for (Kind kind : order) {
            String query = questions.get(kind).apply(random);
            long started = System.nanoTime();
            String body = ask(gateway, token, query);
            timings.computeIfAbsent(kind, k -> new ArrayList<>()).add(System.nanoTime() - started);
            items.merge(kind, (long) count(body, "\"messageId\""), Long::sum);
        }
        System.out.printf("%n%-20s %7s %9s %9s %9s %9s %10s%n", "question", "count", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "items/ans");
        List<Long> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Long> t = timings.get(kind);
            all.addAll(t);
            System.out.println(row(kind.name().toLowerCase(Locale.ROOT), t, items.get(kind) / (double) t.size()));
        }
        System.out.println(row("overall", all, Double.NaN));
        System.out.println("\nexamples: " + String.join("  ", Arrays.stream(Kind.values())
                .map(k -> k.name().toLowerCase(Locale.ROOT) + ": ?" + questions.get(k).apply(new Random(1))).toList()));
    }

    private static Map<Kind, Function<Random, String>> questions(Seeded seeded) {
        Map<Kind, Function<Random, String>> q = new EnumMap<>(Kind.class);
        List<Sample> samples = seeded.samples();
        long dayStarts = Duration.between(seeded.first(), seeded.last()).minusDays(1).toSeconds();
        Function<Random, Sample> any = r -> samples.get(r.nextInt(samples.size()));
        q.put(Kind.BY_MRN, r -> "mrn=" + any.apply(r).mrn());
        q.put(Kind.BY_MESSAGE_ID, r -> "messageId=" + encode(any.apply(r).messageId()));
        q.put(Kind.PARTNER_AND_STATUS, r -> "partner=" + TraceGenerator.PARTNERS.get(r.nextInt(TraceGenerator.PARTNERS.size()))
                + "&status=" + STATUSES.get(r.nextInt(STATUSES.size())));
        q.put(Kind.DIRECTION_TYPE_DAY, r -> {
            Instant from = seeded.first().plusSeconds((long) (r.nextDouble() * dayStarts));
            return "direction=" + (r.nextBoolean() ? "OUTBOUND" : "INBOUND") + "&type="
                    + (r.nextBoolean() ? "PreArrivalNotification" : "ExitNotification") + "&from=" + from + "&to=" + from.plus(Duration.ofDays(1));
        });
        q.put(Kind.FREE_TEXT_PREFIX, r -> {
            Sample s = any.apply(r);
            return "q=" + encode(switch (r.nextInt(4)) {
                case 0 -> s.mrn().substring(0, 12);                                          // an MRN being typed
                case 1 -> s.nationalMessageId().substring(0, s.nationalMessageId().length() - 2); // ~100 national ids
                case 2 -> s.messageId().substring(0, 8);                                      // a message id's start
                default -> s.mrn();                                                           // an MRN, exactly
            });
        });
        q.put(Kind.LATEST_PAGE, r -> r.nextInt(4) == 0 ? "page=" + (1 + r.nextInt(5)) : "");
        q.put(Kind.OLDEST_FIRST, r -> r.nextBoolean() ? "sort=createdAt,asc"
                : "sort=updatedAt,asc&partner=" + TraceGenerator.PARTNERS.get(r.nextInt(TraceGenerator.PARTNERS.size())));
        return q;
    }

    private static String ask(GatewayProcess gateway, String token, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = gateway.http().send(HttpRequest.newBuilder(gateway.base()
                        .resolve("/api/v1/messages" + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("?" + query + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String row(String name, List<Long> nanos, double items) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%-20s %7d %9.1f %9.1f %9.1f %9.1f %10s", name, sorted.length, ms(sorted, 0.50),
                ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                Double.isNaN(items) ? "" : String.format("%.1f", items));
    }

    /** The nearest-rank percentile. */
    private static double ms(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256Hex(String token) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + args[i] + "; usage: SearchLatency --messages N --db h2|postgres "
                        + "[--rounds N] [--data DIR] [--reuse] [--keep]");
            }
            String name = args[i].substring(2);
            boolean flag = name.equals("reuse") || name.equals("keep");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
