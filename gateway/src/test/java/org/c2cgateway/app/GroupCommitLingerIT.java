package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.trace.GroupCommit;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceRecorder;

/**
 * With {@code c2c.trace.group-commit.linger}, a writer that has taken a write waits for more before it begins the
 * transaction: a write made while it waits commits in the same transaction, and the first returns only then.
 */
class GroupCommitLingerIT {

    private static final Duration LINGER = Duration.ofSeconds(3);

    @TempDir
    Path data;

    @Test
    void a_write_made_while_the_writer_lingers_joins_the_first_ones_transaction() throws Exception {
        Map<String, Object> settings = Map.of("c2c.trace.group-commit.writers", 1,
                "c2c.trace.group-commit.linger", LINGER.toMillis() + "ms");
        ExecutorService threads = Executors.newCachedThreadPool();
        try (ApplicationContext gateway = TwoGateways.start("mk", TwoGateways.freePort(), TwoGateways.freePort(),
                data, settings)) {
            GroupCommit writes = gateway.getBean(GroupCommit.class);
            TraceRecorder trace = gateway.getBean(TraceRecorder.class);
            TransactionOperations<?> transactions = gateway.getBean(TransactionOperations.class);
            String first = TraceStoreContract.newId();
            String second = TraceStoreContract.newId();

            AtomicBoolean made = new AtomicBoolean();
            Future<Object> firstOpened = threads.submit(() -> {
                made.set(true);
                return opening(writes, trace, transactions, first);
            });
            Await.until("the writer to take the first write", Duration.ofSeconds(10),
                    () -> Optional.of(made.get() && writes.waiting() == 0).filter(taken -> taken));
            assertFalse(firstOpened.isDone(), "the writer lingers before it commits the first write");
            Future<Object> secondOpened = threads.submit(() -> opening(writes, trace, transactions, second));

            assertSame(firstOpened.get(), secondOpened.get(), "one transaction for both");
            assertEquals(MessageStatus.ACCEPTED, trace.status(first));
            assertEquals(MessageStatus.ACCEPTED, trace.status(second));
            assertTrue(writes.writesTaken() >= 2 && writes.transactions() >= 1);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Opens a message through the group commit; the transaction that held it. */
    private static Object opening(GroupCommit writes, TraceRecorder trace, TransactionOperations<?> transactions,
                                  String id) {
        Object[] transaction = new Object[1];
        writes.write(() -> {
            transaction[0] = transactions.findTransactionStatus().orElseThrow();
            return trace.open(TraceStoreContract.inbound(id));
        });
        return transaction[0];
    }
}
