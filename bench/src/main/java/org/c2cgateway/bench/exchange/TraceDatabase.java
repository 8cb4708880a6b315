package org.c2cgateway.bench.exchange;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A gateway's trace store on the local PostgreSQL, in a fresh schema of its own ({@code exchange_<cc>}). */
final class TraceDatabase {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    private TraceDatabase() {
    }

    /** Drops and creates the country's schema; the settings that point its gateway there. */
    static Map<String, String> postgres(String country) {
        String schema = "exchange_" + country;
        try (Connection db = DriverManager.getConnection(PG, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new UncheckedIOException(new java.io.IOException("PostgreSQL at " + PG + ": " + e.getMessage(), e));
        }
        return Map.of("datasources.default.url", PG + "?currentSchema=" + schema,
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "datasources.default.dialect", "POSTGRES");
    }
}
