package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.audit.AuditCheckpoints;
import org.c2cgateway.app.audit.AuditEntry;
import org.c2cgateway.app.audit.Checkpoint;
import org.c2cgateway.app.audit.SignerTrust;
import org.c2cgateway.app.audit.VerifyAuditCommand;
import org.c2cgateway.app.config.SecretsFile;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.DevSecrets;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceRecorder;

/**
 * A real exchange between two gateways fills RS's audit log; after a signed checkpoint, verify-audit finds it
 * intact, from the running gateway (the API). Then each scenario tampers with the stopped gateway's store, directly
 * in the database as an intruder would, and verification must name exactly the entry that was touched as the first
 * broken link. The subclasses run it on H2 ({@link AuditLogIT}) and on PostgreSQL ({@link AuditLogOnPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditLogScenarios {

    static final Path RS_TO_MK = TwoGateways.HOME.resolve("config/samples/valid/rs-to-mk-pre-arrival.xml");

    /** The chain's first trace step after its first entry. */
    static final String TRACE_EVENT_ENTRY = "(SELECT MIN(seq) FROM audit_entry WHERE node = ? AND lane = ? AND seq > 1 "
            + "AND event_id IS NOT NULL)";
    static final String CHANGE_TRACE_EVENT = "UPDATE trace_event SET detail = 'nothing happened' WHERE id = (SELECT "
            + "event_id FROM audit_entry WHERE node = ? AND lane = ? AND seq = " + TRACE_EVENT_ENTRY + ")";

    @TempDir
    static Path data;
    TwoGateways gateways;
    /** RS's chain with the most entries, and its checkpoint. */
    String node;
    int lane;
    long checkpointSeq;
    /** RS's signing certificates and trust store, as verify-audit reads them from the configuration. */
    SignerTrust trust;

    /** The settings of RS's trace store. */
    abstract Map<String, Object> rsStore();

    /** Verification of RS's stopped store, tampered with first (in a copy, or in a transaction rolled back after). */
    abstract Verdict verify(String scenario, Tamper tamper) throws Exception;

    @BeforeAll
    void exchangeAndCheckpoint() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(rsStore());
        settings.put("c2c.audit.lanes", 2);
        gateways = new TwoGateways(data, settings);
        trust = SignerTrust.of(gateways.rs.getBean(CredentialsInForce.class).current(), KeyStores.loadPkcs12(
                TwoGateways.HOME.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray()));
        NationalSystemClient rs = TwoGateways.nationalSystem("rs", gateways.rsPort);
        for (int i = 0; i < 2; i++) {
            NationalSystemClient.Response response = rs.submit(TwoGateways.uniqueSample(RS_TO_MK));
            assertEquals(202, response.status(), response.text());
            String id = rs.read(response, SubmissionAccepted.class).messageId();
            TraceRecorder trace = gateways.rs.getBean(TraceRecorder.class);
            Await.until("RS to keep MK's receipt of " + id, Duration.ofSeconds(30), () -> Optional.ofNullable(
                    trace.status(id)).filter(MessageStatus.DELIVERED_TO_PARTNER::equals));
        }
        List<Checkpoint> made = gateways.rs.getBean(AuditCheckpoints.class).checkpoint();
        assertEquals(2, made.size(), "one checkpoint per lane that grew");
        Checkpoint longest = made.stream().max(java.util.Comparator.comparingLong(Checkpoint::seq)).orElseThrow();
        node = longest.node();
        lane = longest.lane();
        checkpointSeq = longest.seq();
        assertTrue(checkpointSeq >= 4, "a chain long enough to cut in the middle: " + made);
        assertTrue(gateways.rs.getBean(AuditCheckpoints.class).checkpoint().isEmpty(), "nothing new to sign");

        HttpResponse<String> verdict = AccessControlIT.client(AccessControlIT.trustOnly()).send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + gateways.rsPort + "/api/v1/admin/audit/verify"))
                .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, verdict.statusCode(), verdict.body());
        assertTrue(verdict.body().contains("\"ok\":true"), verdict.body());
        gateways.close(); // the command opens the embedded store, which a running gateway holds
        gateways = null;
    }

    @AfterAll
    void stop() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void an_untouched_log_verifies() throws Exception {
        Verdict verdict = verify("intact", db -> { });
        assertEquals(0, verdict.status(), verdict.output());
        assertTrue(verdict.output().startsWith("OK: "), verdict.output());
        assertTrue(verdict.output().contains(" 2 checkpoints, last checkpoint at "), verdict.output());
    }

    @Test
    void a_changed_audit_entry_is_the_first_broken_link() throws Exception {
        Verdict verdict = verify("entry-changed", db -> update(db, "UPDATE audit_entry SET detail = 'nothing happened' "
                + "WHERE node = ? AND lane = ? AND seq = 2"));
        assertBrokenAt(verdict, 2, "hash of entry 2 differs");
    }

    @Test
    void a_changed_trace_event_is_caught_by_its_audit_entry() throws Exception {
        Verdict verdict = verify("event-changed", db -> update(db, CHANGE_TRACE_EVENT));
        assertEquals(1, verdict.status(), verdict.output());
        assertTrue(verdict.output().contains("differs from its audit entry: detail (nothing happened, audited "),
                verdict.output());
    }

    @Test
    void a_deleted_entry_in_the_middle_is_missing() throws Exception {
        Verdict verdict = verify("entry-deleted", db -> update(db, "DELETE FROM audit_entry "
                + "WHERE node = ? AND lane = ? AND seq = 2"));
        assertBrokenAt(verdict, 2, "entries 2 missing: entry 3");
    }

    @Test
    void a_tail_cut_off_behind_a_checkpoint_is_missing() throws Exception {
        Verdict verdict = verify("tail-cut", db -> update(db, "DELETE FROM audit_entry "
                + "WHERE node = ? AND lane = ? AND seq >= " + (checkpointSeq - 1)));
        assertBrokenAt(verdict, checkpointSeq - 1, "entries missing after checkpoint");
    }

    @Test
    void a_forged_checkpoint_signature_is_refused() throws Exception {
        Verdict verdict = verify("signature-forged", db -> update(db, "UPDATE audit_checkpoint SET signature = "
                + "'" + java.util.Base64.getEncoder().encodeToString(new byte[256]) + "' WHERE node = ? AND lane = ?"));
        assertBrokenAt(verdict, checkpointSeq, "checkpoint signature invalid");
    }

    /**
     * A hash chain alone cannot see this: the trace row and its entry changed alike, and every link after it
     * recomputed. The signed head can.
     */
    @Test
    void a_whole_chain_rewritten_differs_from_its_signed_head() throws Exception {
        Verdict verdict = verify("chain-rewritten", db -> {
            update(db, CHANGE_TRACE_EVENT);
            update(db, "UPDATE audit_entry SET detail = 'nothing happened' WHERE node = ? AND lane = ? AND seq = "
                    + TRACE_EVENT_ENTRY);
            relink(db);
        });
        assertBrokenAt(verdict, checkpointSeq, "the chain differs from the signed head");
    }

    private void assertBrokenAt(Verdict verdict, long seq, String problem) {
        assertEquals(1, verdict.status(), verdict.output());
        assertTrue(verdict.output().startsWith("BROKEN: chain " + node + "/" + lane + ", entry " + seq + ""),
                verdict.output());
        assertTrue(verdict.output().contains(problem), verdict.output());
    }

    @FunctionalInterface
    interface Tamper {
        void on(Connection db) throws SQLException;
    }

    record Verdict(int status, String output) {
    }

    /** Runs the verify-audit command as an operator would, on RS's configuration with these settings over it. */
    Verdict command(String scenario, Path dataDir, Map<String, Object> settings) {
        Map<String, Object> secrets = DevSecrets.settings(TwoGateways.HOME, "rs", dataDir, "test-admin", "admin",
                TwoGateways.OPERATOR_TOKEN);
        List<String> args = new ArrayList<>(List.of(TwoGateways.HOME.resolve("config/rs/gateway.yml").toString(),
                "--set", "c2c.home=" + TwoGateways.HOME, "--set", "c2c.data-dir=" + dataDir,
                "--set", SecretsFile.SETTING + "=" + secrets.get(SecretsFile.SETTING)));
        settings.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyAuditCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8).strip();
        System.out.println("verify-audit, " + scenario + ": " + output);
        return new Verdict(status, output);
    }

    void update(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i += 2) {
                statement.setString(i, node);
                statement.setInt(i + 1, lane);
            }
            assertTrue(statement.executeUpdate() > 0, sql);
        }
    }

    /** Recomputes every hash and link of the chain, as an intruder who knows the format would. */
    private void relink(Connection db) throws SQLException {
        List<AuditEntry> chain = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT seq, message_id, event, event_id, occurred_at, "
                + "detail, agreement_id, agreement_version FROM audit_entry WHERE node = ? AND lane = ? ORDER BY seq")) {
            query.setString(1, node);
            query.setInt(2, lane);
            try (ResultSet row = query.executeQuery()) {
                String prev = AuditEntry.GENESIS;
                while (row.next()) {
                    AuditEntry e = AuditEntry.link(node, lane, row.getLong(1), prev, row.getString(2), row.getString(3),
                            (Long) row.getObject(4, Long.class),
                            row.getObject(5, java.time.OffsetDateTime.class).toInstant(), row.getString(6),
                            row.getString(7), (Integer) row.getObject(8, Integer.class));
                    chain.add(e);
                    prev = e.hash();
                }
            }
        }
        try (PreparedStatement rewrite = db.prepareStatement("UPDATE audit_entry SET prev_hash = ?, hash = ? "
                + "WHERE node = ? AND lane = ? AND seq = ?")) {
            for (AuditEntry e : chain) {
                rewrite.setString(1, e.prevHash());
                rewrite.setString(2, e.hash());
                rewrite.setString(3, node);
                rewrite.setInt(4, lane);
                rewrite.setLong(5, e.seq());
                rewrite.executeUpdate();
            }
        }
    }
}
