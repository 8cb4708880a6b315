package org.c2cgateway.app.trace;

import java.sql.Connection;
import java.sql.SQLException;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.c2cgateway.app.config.H2CompactionConfiguration;

/**
 * Keeps the embedded H2 trace store's file from growing without end. H2 writes each commit's changed pages as a
 * new chunk at the end of the file or in free space, and frees a chunk only once none of its pages is live; with
 * {@code WRITE_DELAY=0} (each commit in the file before it returns, which the delivery guarantees need) H2 runs no
 * background writer, and so none of the housekeeping that rewrites the few live pages of old chunks. The file then
 * grew by about 300 KB per message, and each commit's search for free space grew with it. This job does that
 * housekeeping: every {@code interval} it rewrites the live pages of the emptiest chunks, at most
 * {@code max-write} bytes, while the chunks are less than {@code target-fill-rate} full. Their old chunks are freed
 * after H2's retention time, and new chunks reuse the space.
 */
@Singleton
@Requires(property = OnH2.DIALECT, pattern = "(?i)H2", defaultValue = "H2")
public class H2Compaction implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    private final TransactionOperations<Connection> connections;
    private final H2CompactionConfiguration settings;
    private final TaskScheduler scheduler;

    public H2Compaction(TransactionOperations<Connection> connections, H2CompactionConfiguration settings,
                        @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.connections = connections;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (settings.enabled()) {
            scheduler.scheduleWithFixedDelay(settings.interval(), settings.interval(), this::runScheduled);
        }
    }

    private void runScheduled() {
        try {
            compact();
        } catch (RuntimeException e) { // the next run tries again; the scheduler must not lose the task
            LOG.warn("trace store compaction failed; the next run tries again", e);
        }
    }

    /** One run. */
    public void compact() {
        connections.executeRead(status -> storeOf(status.getConnection())
                .compact(settings.targetFillRate(), settings.maxWrite()));
    }

    /** What the store's file looks like now. */
    public Fill fill() {
        return connections.executeRead(status -> {
            FileStore<?> file = storeOf(status.getConnection()).getFileStore();
            return new Fill(file.size(), file.getFillRate(), file.getChunksFillRate());
        });
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                .getMvStore();
    }

    /**
     * @param fileBytes       the file's size
     * @param fileFillRate    the share of the file's blocks that chunks use, in percent
     * @param chunksFillRate  the share of the chunks' space that live pages use, in percent
     */
    public record Fill(long fileBytes, int fileFillRate, int chunksFillRate) {
    }
}
