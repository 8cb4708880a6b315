package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.c2cgateway.app.audit.AuditVerdict;
import org.c2cgateway.app.audit.AuditVerifier;
import org.c2cgateway.app.trace.PostgresDatabase;

/**
 * The audit log scenarios on PostgreSQL: each tampers in a transaction, verifies on that transaction's connection
 * (it sees its own changes) and rolls back, so every scenario starts from the untouched store.
 */
class AuditLogOnPostgresIT extends AuditLogScenarios {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @Override
    Map<String, Object> rsStore() {
        return postgres.settings("rs");
    }

    @Override
    Verdict verify(String scenario, Tamper tamper) throws Exception {
        try (Connection db = DriverManager.getConnection(String.valueOf(rsStore().get("datasources.default.url")),
                PostgresDatabase.USER, "")) {
            db.setAutoCommit(false);
            tamper.on(db);
            AuditVerdict verdict = new AuditVerifier(trust).verify(db);
            db.rollback();
            System.out.println("verify-audit on PostgreSQL, " + scenario + ": " + verdict.text());
            return new Verdict(verdict.ok() ? 0 : 1, verdict.text());
        }
    }

    @Test
    void the_command_verifies_a_store_on_postgresql() {
        Verdict verdict = command("command", data.resolve("rs"), rsStore());
        assertEquals(0, verdict.status(), verdict.output());
        assertTrue(verdict.output().startsWith("OK: "), verdict.output());
    }
}
