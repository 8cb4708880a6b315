package org.c2cgateway.app.trace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's PostgreSQL server (127.0.0.1:5432, database {@code test}, user {@code postgres}, trust) for the
 * tests that run the trace store on it, each test class in fresh schemas of its own, dropped after the class.
 * Register it as a static extension and pass {@link #settings()} (or {@link #settings(String)}, one schema per
 * gateway) to a gateway's start or to {@code ApplicationContext.run}:
 * <pre>
 * &#64;RegisterExtension
 * static final PostgresDatabase postgres = new PostgresDatabase();
 * ...
 * new TwoGateways(dir, Map.of(), postgres.settings("mk"));
 * </pre>
 * Without a server the tests that ask for its settings are skipped with a message saying so, except in CI
 * ({@code CI=true}), where PostgreSQL is part of the build and its absence fails them: a trace store that only
 * ever ran on H2 must not pass for one that runs in production.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

    private final List<String> schemas = new ArrayList<>();
    private String prefix;
    private String absent;

    @Override
    public void beforeAll(ExtensionContext extension) {
        prefix = schemaPrefix(extension.getRequiredTestClass().getSimpleName());
        absent = whyAbsent();
        if (absent != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and PostgreSQL is not reachable at " + SERVER + " as user "
                    + USER + ": the trace store's PostgreSQL tests must run in CI (" + absent + ")");
        }
        if (absent != null) { // a class-level skip leaves no line in Maven's summary: say it here
            LOG.warn("{}: no PostgreSQL at {} (user {}), its PostgreSQL tests are skipped: {}",
                    extension.getRequiredTestClass().getSimpleName(), SERVER, USER, absent);
        }
    }

    @Override
    public void afterAll(ExtensionContext extension) throws SQLException {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        schemas.clear();
    }

    /** Whether the server answers; for a test that runs on both databases and skips only its PostgreSQL half. */
    public boolean available() {
        return absent == null;
    }

    /** The settings of a gateway or an application context whose trace store is this class's main schema. */
    public Map<String, Object> settings() {
        return settings("main");
    }

    /**
     * The settings of a trace store in the schema of this name (created on first use, dropped after the class):
     * one per gateway when several run on PostgreSQL at once. Skips the calling test when there is no server.
     */
    public synchronized Map<String, Object> settings(String name) {
        Assumptions.assumeTrue(absent == null, () -> "skipped: no PostgreSQL at " + SERVER + " (user " + USER
                + ", trust) for the trace store's PostgreSQL tests: " + absent
                + "; start it, or run with CI=true to make its absence a failure");
        String schema = prefix + "_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (!schemas.contains(schema)) {
            create(schema);
            schemas.add(schema);
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", url(schema));
        settings.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        settings.put("datasources.default.username", USER);
        settings.put("datasources.default.password", "");
        settings.put("datasources.default.dialect", "POSTGRES");
        return settings;
    }

    /** The JDBC URL of a schema of this class, for a test's own look at the tables. */
    public static String url(String schema) {
        return SERVER + "?currentSchema=" + schema;
    }

    /** A connection to the server's {@code test} database, for a test's own look at the tables. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + "?connectTimeout=3", USER, "");
    }

    private static void create(String schema) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the schema " + schema + " on " + SERVER, e);
        }
    }

    private static String whyAbsent() {
        try (Connection connection = connect()) {
            return connection.isValid(3) ? null : "the connection is not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** A schema name of the class and a random part (two runs at once never share one), within PostgreSQL's 63. */
    private static String schemaPrefix(String testClass) {
        String name = testClass.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return "t_" + name.substring(0, Math.min(name.length(), 36)) + "_" + random;
    }
}
