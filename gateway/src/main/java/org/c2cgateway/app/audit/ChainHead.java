package org.c2cgateway.app.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The last committed entry of a chain, as the database has it: where appending resumes, and what a checkpoint signs. */
record ChainHead(long seq, String hash) {

    private static final String HEAD = "SELECT seq, hash FROM audit_entry WHERE node = ? AND lane = ? AND seq = "
            + "(SELECT MAX(seq) FROM audit_entry WHERE node = ? AND lane = ?)";

    /** Before the first entry: seq 0 and the genesis hash. */
    static final ChainHead EMPTY = new ChainHead(0, AuditEntry.GENESIS);

    static ChainHead read(Connection connection, String node, int lane) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HEAD)) {
            query.setString(1, node);
            query.setInt(2, lane);
            query.setString(3, node);
            query.setInt(4, lane);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new ChainHead(row.getLong(1), row.getString(2)) : EMPTY;
            }
        }
    }
}
