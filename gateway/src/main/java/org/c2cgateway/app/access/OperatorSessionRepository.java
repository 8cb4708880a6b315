package org.c2cgateway.app.access;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.CrudRepository;

import org.c2cgateway.app.trace.OnH2;
import org.c2cgateway.app.trace.OnPostgres;

public interface OperatorSessionRepository extends CrudRepository<OperatorSession, String> {

    void updateLastSeenAt(@Id String tokenSha256, Instant lastSeenAt);

    /** Deletes the sessions past their absolute timeout or unused since {@code idleSince}. */
    @Query("DELETE FROM operator_session WHERE expires_at < :now OR last_seen_at < :idleSince")
    int deleteExpired(Instant now, Instant idleSince);

    @OnH2
    interface H2 extends OperatorSessionRepository {
    }

    @OnPostgres
    interface Postgres extends OperatorSessionRepository {
    }
}
