package org.c2cgateway.app.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.keys.CredentialsInForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the head of every chain that grew since its last checkpoint, every {@code c2c.audit.checkpoint-interval}.
 * Any node signs any chain it finds, its own lanes and the other nodes' (a node that stopped for good still gets
 * its tail signed); two nodes signing the same head at once leave two equal checkpoints, which is harmless.
 * Each checkpoint is also logged, so a copy outside the database exists: deleting the newest checkpoints together
 * with the tail they cover is the one cut the database alone cannot show.
 */
@Singleton
public class AuditCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final String CHAINS = "SELECT DISTINCT node, lane FROM audit_checkpoint";
    private static final String SIGNED = "SELECT MAX(seq) FROM audit_checkpoint WHERE node = ? AND lane = ?";
    private static final String INSERT = "INSERT INTO audit_checkpoint (node, lane, seq, hash, signed_at, signed_by, "
            + "algorithm, signature, certificates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final TransactionOperations<Connection> transactions;
    private final CredentialsInForce credentials;
    private final String node;
    private final int lanes;

    public AuditCheckpoints(TransactionOperations<Connection> transactions, CredentialsInForce credentials,
                            GatewayConfiguration gateway, AuditSettings settings) {
        this.transactions = transactions;
        this.credentials = credentials;
        this.node = gateway.effectiveNodeName();
        this.lanes = settings.lanes();
    }

    @Scheduled(fixedDelay = "${c2c.audit.checkpoint-interval:5m}", initialDelay = "${c2c.audit.checkpoint-interval:5m}")
    void scheduled() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.error("signing the audit checkpoints failed", e); // and the next run tries again
        }
    }

    /** Signs the chains' heads now; returns the checkpoints made (none for a chain that has not grown). */
    public List<Checkpoint> checkpoint() {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<Checkpoint> made = new ArrayList<>();
            Instant now = Instant.now();
            for (Chain chain : chains(connection)) {
                ChainHead head = ChainHead.read(connection, chain.node(), chain.lane());
                if (head.seq() > signedUpTo(connection, chain)) {
                    Checkpoint checkpoint = Checkpoint.sign(chain.node(), chain.lane(), head.seq(), head.hash(), now,
                            node, credentials.current().keys().signingKey());
                    insert(connection, checkpoint);
                    made.add(checkpoint);
                    LOG.info("audit checkpoint: chain {}/{} seq {} hash {} signed at {}", chain.node(), chain.lane(),
                            head.seq(), head.hash(), checkpoint.signedAt());
                }
            }
            return made;
        });
    }

    private Set<Chain> chains(Connection connection) throws SQLException {
        Set<Chain> chains = new LinkedHashSet<>();
        for (int lane = 0; lane < lanes; lane++) {
            chains.add(new Chain(node, lane));
        }
        try (PreparedStatement query = connection.prepareStatement(CHAINS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                chains.add(new Chain(rows.getString(1), rows.getInt(2)));
            }
        }
        return chains;
    }

    private static long signedUpTo(Connection connection, Chain chain) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SIGNED)) {
            query.setString(1, chain.node());
            query.setInt(2, chain.lane());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static void insert(Connection connection, Checkpoint c) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, c.node());
            insert.setInt(2, c.lane());
            insert.setLong(3, c.seq());
            insert.setString(4, c.hash());
            insert.setObject(5, OffsetDateTime.ofInstant(c.signedAt(), ZoneOffset.UTC));
            insert.setString(6, c.signedBy());
            insert.setString(7, c.algorithm());
            insert.setString(8, c.signature());
            insert.setString(9, c.certificates());
            insert.executeUpdate();
        }
    }

    private record Chain(String node, int lane) {
    }
}
