package org.c2cgateway.app.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import org.c2cgateway.trace.MessageStatus;

/**
 * The operators' search of the trace index. Plain SQL, written for the indexes of migration V6 and run the same on
 * H2 and PostgreSQL: every criterion is an equality or a range on an indexed column, and free text is a range scan
 * on each identifier's index rather than a {@code LIKE} or an {@code OR} across columns, which neither database
 * answers from an index. A page is read one row past its end to tell whether more follow, so no search counts the
 * whole match.
 */
@Singleton
public class MessageSearch {

    /** The search gives up rather than hold a connection of the pool for long. */
    private static final int TIMEOUT_SECONDS = 10;
    private static final String COLUMNS = "message_id, national_message_id, mrn, conversation_id, type, direction, "
            + "partner, status, agreement_id, agreement_version, created_at, updated_at, payload_size";
    /** The identifiers free text is matched against, each with an index of its own. */
    private static final List<String> IDENTIFIERS = List.of("message_id", "national_message_id", "mrn", "conversation_id");

    private final TransactionOperations<Connection> transactions;

    public MessageSearch(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** One message as a search lists it: its identity and where it stands, without its timeline or receipt. */
    public record Summary(String messageId, String nationalMessageId, String mrn, String conversationId, String type,
                          String direction, String partner, String status, String agreementId,
                          Integer agreementVersion, Instant createdAt, Instant updatedAt, long payloadSize) {
    }

    /** A page of the answer, and whether another follows it. */
    public record Found(List<Summary> items, boolean hasMore) {
    }

    public Found find(MessageQuery query) {
        List<Object> arguments = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM trace_message" + where(query, arguments) + orderBy(query.order())
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        arguments.add((long) query.page() * query.size());
        arguments.add(query.size() + 1);
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setQueryTimeout(TIMEOUT_SECONDS);
                for (int i = 0; i < arguments.size(); i++) {
                    statement.setObject(i + 1, arguments.get(i));
                }
                List<Summary> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(summary(rs));
                    }
                }
                boolean more = rows.size() > query.size();
                return new Found(more ? List.copyOf(rows.subList(0, query.size())) : List.copyOf(rows), more);
            } catch (SQLException e) {
                throw new IllegalStateException("the trace search failed: " + e.getMessage(), e);
            }
        });
    }

    private static String where(MessageQuery q, List<Object> arguments) {
        List<String> conditions = new ArrayList<>();
        equal(conditions, arguments, "message_id", q.messageId());
        equal(conditions, arguments, "mrn", q.mrn());
        equal(conditions, arguments, "partner", q.partner());
        equal(conditions, arguments, "direction", q.direction() == null ? null : q.direction().name());
        equal(conditions, arguments, "type", q.type());
        if (!q.statuses().isEmpty()) {
            conditions.add("status IN (" + String.join(", ", q.statuses().stream().map(s -> "?").toList()) + ")");
            q.statuses().stream().map(MessageStatus::name).forEach(arguments::add);
        }
        if (q.from() != null) {
            conditions.add("created_at >= ?");
            arguments.add(timestamp(q.from()));
        }
        if (q.to() != null) {
            conditions.add("created_at < ?");
            arguments.add(timestamp(q.to()));
        }
        if (q.text() != null) {
            conditions.add("message_id IN (" + String.join(" UNION ALL ", IDENTIFIERS.stream()
                    .map(column -> "SELECT message_id FROM trace_message WHERE " + column + " >= ? AND " + column + " < ?")
                    .toList()) + ")");
            for (String ignored : IDENTIFIERS) {
                arguments.add(q.text());
                arguments.add(prefixEnd(q.text()));
            }
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void equal(List<String> conditions, List<Object> arguments, String column, String value) {
        if (value != null) {
            conditions.add(column + " = ?");
            arguments.add(value);
        }
    }

    private static String orderBy(MessageQuery.Order order) {
        String direction = order.ascending ? " ASC" : " DESC";
        return " ORDER BY " + order.column + direction + ", message_id" + direction;
    }

    /**
     * The least string greater than every string that starts with {@code prefix}, in the order of code points (the
     * order of H2's default collation and of PostgreSQL's C collations): {@code [prefix, end)} is then exactly the
     * strings that start with it, an index range.
     */
    static String prefixEnd(String prefix) {
        int last = prefix.length() - 1;
        return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        int version = rs.getInt("agreement_version");
        Integer agreementVersion = rs.wasNull() ? null : version;
        return new Summary(rs.getString("message_id"), rs.getString("national_message_id"), rs.getString("mrn"),
                rs.getString("conversation_id"), rs.getString("type"), rs.getString("direction"),
                rs.getString("partner"), rs.getString("status"), rs.getString("agreement_id"), agreementVersion,
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("payload_size"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
