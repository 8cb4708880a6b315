package org.c2cgateway.app.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.InboundConfiguration;
import org.c2cgateway.app.config.TraceRetentionConfiguration;
import org.c2cgateway.app.config.TraceRetentionConfiguration.Mode;
import org.c2cgateway.trace.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes (or archives, then removes) the trace records of messages that are done with ({@link MessageStatus#isFinal()})
 * and whose last status change is older than {@code c2c.trace.retention.age}, with the rows that belong to them. A
 * message in any other status stays, whatever its age. Runs every {@code interval}, in batches of one transaction
 * each, at most {@code max-batches} a run.
 * <p>
 * Safe with several nodes on one store: a batch locks its messages with {@code FOR UPDATE SKIP LOCKED}, so two nodes
 * running at once take different messages, and a message is archived once. Should the delete fail after the archive
 * file is written, the next run archives those messages again: an archive may repeat a message, never miss one.
 */
@Singleton
public class TraceRetention implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TraceRetention.class);

    /**
     * The tables whose rows belong to a message (their {@code message_id} refers to {@code trace_message}), with
     * the order their rows are archived in. A migration that adds such a table adds it here, or the delete of its
     * messages fails on the reference.
     */
    static final Map<String, String> MESSAGE_TABLES = orderedMap("trace_event", "message_id, id",
            "outbound_delivery", "message_id", "partner_status", "message_id, id");

    private static final List<String> FINAL = Arrays.stream(MessageStatus.values()).filter(MessageStatus::isFinal)
            .map(Enum::name).toList();

    private final TransactionOperations<Connection> transactions;
    private final TraceRetentionConfiguration settings;
    private final TraceArchive archive;
    private final TaskScheduler scheduler;

    /**
     * @throws IllegalArgumentException when the retention age is within the duplicate window: an inbound message's
     *                                  row is what a partner's repeat is recognised by, and a repeat of a message
     *                                  whose row is gone would be delivered again
     */
    public TraceRetention(TransactionOperations<Connection> transactions, TraceRetentionConfiguration settings,
                          GatewayConfiguration gateway, InboundConfiguration inbound,
                          @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        if (settings.age().compareTo(inbound.duplicateWindow()) <= 0) {
            throw new IllegalArgumentException("c2c.trace.retention.age (" + settings.age() + ") must be longer than "
                    + "c2c.inbound.duplicate-window (" + inbound.duplicateWindow() + "): a partner's repeat of a message "
                    + "whose trace is deleted would be delivered again");
        }
        this.transactions = transactions;
        this.settings = settings;
        this.archive = new TraceArchive(gateway.resolve(gateway.dataDir()).resolve(settings.archiveDirectory()),
                gateway.effectiveNodeName());
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.enabled()) {
            scheduler.scheduleWithFixedDelay(settings.initialDelay(), settings.interval(), this::runScheduled);
        }
    }

    private void runScheduled() {
        try {
            Outcome outcome = removeOlderThan(Instant.now().minus(settings.age()));
            if (outcome.removed() > 0) {
                LOG.info("trace retention: {} messages older than {} {}", outcome.removed(), settings.age(),
                        settings.mode() == Mode.ARCHIVE ? "archived to " + outcome.archives() : "deleted");
            }
        } catch (RuntimeException e) { // the next run tries again; the scheduler must not lose the task
            LOG.error("trace retention failed; the next run tries again", e);
        }
    }

    /** What one run removed, and the archive files it wrote (none in DELETE mode). */
    public record Outcome(int removed, List<Path> archives) {
    }

    /** Removes (or archives) the final messages whose last status change is before {@code cutoff}. */
    public Outcome removeOlderThan(Instant cutoff) {
        int removed = 0;
        List<Path> archives = new ArrayList<>();
        for (int batch = 0; batch < settings.maxBatches(); batch++) {
            Outcome one = transactions.executeWrite(status -> removeBatch(status.getConnection(), cutoff));
            removed += one.removed();
            archives.addAll(one.archives());
            if (one.removed() < settings.batchSize()) {
                break;
            }
        }
        return new Outcome(removed, List.copyOf(archives));
    }

    private Outcome removeBatch(Connection connection, Instant cutoff) throws SQLException {
        List<Object> parameters = new ArrayList<>(FINAL);
        parameters.add(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        parameters.add(settings.batchSize());
        List<Map<String, Object>> messages = rows(connection, "SELECT * FROM trace_message WHERE status IN ("
                + placeholders(FINAL.size()) + ") AND updated_at < ? ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED",
                parameters);
        if (messages.isEmpty()) {
            return new Outcome(0, List.of());
        }
        List<Object> ids = messages.stream().map(m -> m.get("message_id")).toList();
        String in = " WHERE message_id IN (" + placeholders(ids.size()) + ")";
        List<Path> archives = List.of();
        if (settings.mode() == Mode.ARCHIVE) {
            Map<String, Map<String, List<Map<String, Object>>>> owned = new LinkedHashMap<>();
            for (Map.Entry<String, String> table : MESSAGE_TABLES.entrySet()) {
                Map<String, List<Map<String, Object>>> byMessage = new LinkedHashMap<>();
                for (Map<String, Object> row : rows(connection, "SELECT * FROM " + table.getKey() + in + " ORDER BY "
                        + table.getValue(), ids)) {
                    byMessage.computeIfAbsent((String) row.get("message_id"), id -> new ArrayList<>()).add(row);
                }
                owned.put(table.getKey(), byMessage);
            }
            archives = List.of(write(messages, owned));
        }
        for (String table : MESSAGE_TABLES.keySet()) {
            update(connection, "DELETE FROM " + table + in, ids);
        }
        update(connection, "DELETE FROM trace_message" + in, ids);
        return new Outcome(ids.size(), archives);
    }

    private Path write(List<Map<String, Object>> messages, Map<String, Map<String, List<Map<String, Object>>>> owned) {
        try {
            return archive.write(messages, owned);
        } catch (IOException e) { // nothing is deleted: the transaction rolls back
            throw new UncheckedIOException("cannot write the trace archive", e);
        }
    }

    /** The rows a query finds, each column by its lower-case name, times as ISO-8601 instants. */
    private static List<Map<String, Object>> rows(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet result = statement.executeQuery()) {
            ResultSetMetaData columns = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    if (value instanceof Timestamp || value instanceof OffsetDateTime) {
                        value = result.getObject(i, OffsetDateTime.class).toInstant();
                    }
                    row.put(columns.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static void update(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
