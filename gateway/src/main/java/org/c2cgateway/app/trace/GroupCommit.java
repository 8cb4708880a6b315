package org.c2cgateway.app.trace;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.c2cgateway.app.config.GroupCommitConfiguration;

/**
 * Trace writes of many threads, committed together. Each write waits on its thread until the transaction that holds
 * it has committed, so a caller still learns its step is durable before it goes on; but the writes waiting at one
 * moment share one transaction, one commit, one audit lane. The exchange harness found the trace store's commits
 * the largest cost of an exchange after the JIT (H2 writes a chunk of every changed page per commit; PostgreSQL
 * flushes its WAL per commit).
 *
 * <p>A write that fails must not fail the others that shared its transaction: the whole batch then rolls back,
 * and each of its writes runs again alone, in a transaction of its own, where only the failing one fails. So every
 * write must be safe to run again after a rollback, which a trace write is: it is all in the one transaction.
 * A write made inside a transaction the caller already holds joins that one, as before.
 */
@Singleton
public class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Write<T>(Supplier<T> work, CompletableFuture<T> done) {

        /** Runs the write now, in the current transaction; what completes its caller's wait once that commits. */
        Runnable run() {
            T result = work.get();
            return () -> done.complete(result);
        }
    }

    private static final long CLOSE_CHECK_MILLIS = 200;
    private static final long CLOSE_WAIT_MILLIS = 30_000;

    private final TransactionOperations<Connection> transactions;
    private final GroupCommitConfiguration settings;
    private final BlockingQueue<Write<?>> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;
    private final LongAdder transactionsRun = new LongAdder();
    private final LongAdder writesRun = new LongAdder();

    public GroupCommit(TransactionOperations<Connection> transactions, GroupCommitConfiguration settings) {
        this.transactions = transactions;
        this.settings = settings;
        if (settings.enabled()) {
            for (int i = 0; i < settings.writers(); i++) {
                Thread writer = new Thread(this::write, "trace-writer-" + i);
                writer.setDaemon(true);
                writer.start();
                writers.add(writer);
            }
        }
    }

    /** Runs {@code work} in a committed transaction (the caller's, if it holds one) and returns its result. */
    public <T> T write(Supplier<T> work) {
        Write<T> write = new Write<>(work, new CompletableFuture<>());
        boolean onItsOwn = !settings.enabled() || closed || transactions.findTransactionStatus().isPresent();
        if (!onItsOwn) {
            waiting.add(write);
            onItsOwn = closed && waiting.remove(write); // closing: no writer may be left to take it
        }
        if (onItsOwn) {
            return transactions.executeWrite(status -> work.get());
        }
        try {
            return write.done().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("trace write failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a trace write to commit", e);
        }
    }

    /** The writes waiting for a writer now. */
    public int waiting() {
        return waiting.size();
    }

    /** A writer's loop. Never interrupted: an interrupt inside H2's file I/O closes the database. */
    private void write() {
        List<Write<?>> batch = new ArrayList<>();
        while (!closed || !waiting.isEmpty()) {
            try {
                Write<?> first = waiting.poll(CLOSE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.drainTo(batch, settings.maxBatch() - 1);
            linger(batch);
            try {
                commit(batch);
            } catch (RuntimeException | Error unexpected) { // no caller may wait for ever, and the writer goes on
                batch.forEach(write -> write.done().completeExceptionally(unexpected));
            }
            batch.clear();
        }
    }

    /**
     * Lets more writes join {@code batch} for {@link GroupCommitConfiguration#linger()}, not while closing. An
     * interrupt ends the wait and is not kept: the batch's callers wait for its commit, and an interrupt flag
     * set during H2's file I/O would close the database.
     */
    private void linger(List<Write<?>> batch) {
        long deadline = System.nanoTime() + settings.linger().toNanos();
        while (batch.size() < settings.maxBatch() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Write<?> next = waiting.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return;
                }
                batch.add(next);
                waiting.drainTo(batch, settings.maxBatch() - batch.size());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The transactions the writers have run, committed or rolled back (a failed batch's writes again alone, too). */
    public long transactions() {
        return transactionsRun.sum();
    }

    /** The writes the writers have taken, failed ones too: with {@link #transactions()}, the writes per commit. */
    public long writesTaken() {
        return writesRun.sum();
    }

    private void commit(List<Write<?>> batch) {
        writesRun.add(batch.size());
        if (batch.size() > 1) {
            try {
                List<Runnable> completions = new ArrayList<>(batch.size());
                transactionsRun.increment();
                transactions.executeWrite(status -> {
                    batch.forEach(write -> completions.add(write.run()));
                    return null;
                });
                completions.forEach(Runnable::run); // only now: committed
                return;
            } catch (RuntimeException | Error failed) {
                LOG.debug("a batch of {} trace writes rolled back ({}); each runs again alone", batch.size(),
                        failed.toString());
            }
        }
        for (Write<?> write : batch) {
            try {
                transactionsRun.increment();
                transactions.executeWrite(status -> write.run()).run();
            } catch (RuntimeException | Error failed) {
                write.done().completeExceptionally(failed);
            }
        }
    }

    /**
     * Writes what is waiting, then lets the writers end; a write that comes later is a transaction of its own, on
     * its caller's thread.
     */
    @PreDestroy
    void close() throws InterruptedException {
        closed = true;
        for (Thread writer : writers) {
            writer.join(CLOSE_WAIT_MILLIS);
        }
        List<Write<?>> late = new ArrayList<>();
        waiting.drainTo(late); // queued as the writers ended
        late.forEach(write -> commit(List.of(write)));
        LOG.info("trace writes: {} in {} group transactions", writesRun.sum(), transactionsRun.sum());
    }
}
