package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.c2cgateway.app.audit.AuditCheckpoints;
import org.c2cgateway.app.audit.AuditVerdict;
import org.c2cgateway.app.audit.AuditVerifier;
import org.c2cgateway.app.audit.SignerTrust;
import org.c2cgateway.app.trace.PostgresDatabase;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;

/**
 * Many threads tracing at once, some of their transactions rolled back (a step of a message that was never opened
 * fails on its key), must leave every chain whole; and how many trace steps a second the store takes with the audit
 * appends, printed for the README. Runs on H2 and on PostgreSQL.
 */
class AuditChainConcurrencyIT {

    private static final int THREADS = 8;
    private static final int MESSAGES_PER_THREAD = 100;
    private static final TraceEvent[] STEPS = {TraceEvent.RECEIVED, TraceEvent.VALIDATED, TraceEvent.AGREEMENT_APPLIED,
        TraceEvent.QUEUED, TraceEvent.SENT, TraceEvent.RECEIPT_VERIFIED, TraceEvent.SEND_FAILED, TraceEvent.SENT};

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @TempDir
    static Path data;

    @Test
    void concurrent_appends_and_rollbacks_keep_the_chains_whole_on_h2() throws Exception {
        run("H2", Map.of());
    }

    @Test
    void concurrent_appends_and_rollbacks_keep_the_chains_whole_on_postgresql() throws Exception {
        run("PostgreSQL", postgres.settings("mk"));
    }

    private static void run(String database, Map<String, Object> store) throws Exception {
        Map<String, Object> settings = new HashMap<>(store);
        settings.put("c2c.partners.RS.endpoint", TwoGateways.as4Url(TwoGateways.freePort()));
        ApplicationContext mk = TwoGateways.start("mk", TwoGateways.freePort(), TwoGateways.freePort(),
                data.resolve(database), settings);
        try {
            TraceRecorder trace = mk.getBean(TraceRecorder.class);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> traceMessages(trace, database, thread)));
            }
            int rolledBack = 0;
            for (Future<Integer> d : done) {
                rolledBack += d.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            threads.shutdown();
            int steps = THREADS * MESSAGES_PER_THREAD * (STEPS.length + 1);
            System.out.printf("audit on %s: %d threads traced %d messages (%d writes: open + %d steps each) in %.2f s, "
                    + "%.0f writes/s, %d rolled back%n", database, THREADS, THREADS * MESSAGES_PER_THREAD, steps,
                    STEPS.length, seconds, steps / seconds, rolledBack);

            mk.getBean(AuditCheckpoints.class).checkpoint();
            SignerTrust trust = SignerTrust.of(mk.getBean(CredentialsInForce.class).current(), KeyStores.loadPkcs12(
                    TwoGateways.HOME.resolve("certs-dev/pki/truststore.p12"), "changeit".toCharArray()));
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions = mk.getBean(TransactionOperations.class);
            long verifyStart = System.nanoTime();
            AuditVerdict verdict = transactions.executeRead(s -> new AuditVerifier(trust).verify(s.getConnection()));
            System.out.printf("audit on %s: verified in %.2f s: %s%n", database,
                    (System.nanoTime() - verifyStart) / 1e9, verdict.text());
            assertTrue(verdict.ok(), verdict.text());
        } finally {
            mk.close();
        }
    }

    /** Opens and traces messages; every tenth step is for a message never opened, whose transaction rolls back. */
    private static int traceMessages(TraceRecorder trace, String database, int thread) {
        int rolledBack = 0;
        for (int m = 0; m < MESSAGES_PER_THREAD; m++) {
            String id = database + "-" + thread + "-" + m + "@audit";
            trace.open(new MessageRecord(id, null, "26RS0110T0000452M5", "conversation-" + id, "PreArrivalNotification", Direction.INBOUND,
                    "RS", 100, "00", "RS-MK-SEED", 2));
            for (TraceEvent step : STEPS) {
                trace.event(id, step, Instant.now(), "step " + step + " of " + id);
            }
            if (m % 10 == 0) {
                try {
                    trace.event("never-opened-" + id, TraceEvent.QUEUED, Instant.now(), "rolled back");
                } catch (RuntimeException expected) {
                    rolledBack++;
                }
            }
        }
        return rolledBack;
    }
}
