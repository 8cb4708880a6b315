package org.c2cgateway.app.access;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.H2)
public interface OperatorSessionRepository extends CrudRepository<OperatorSession, String> {

    void updateLastSeenAt(@Id String tokenSha256, Instant lastSeenAt);

    /** Deletes the sessions past their absolute timeout or unused since {@code idleSince}. */
    @Query("DELETE FROM operator_session WHERE expires_at < :now OR last_seen_at < :idleSince")
    int deleteExpired(Instant now, Instant idleSince);
}
