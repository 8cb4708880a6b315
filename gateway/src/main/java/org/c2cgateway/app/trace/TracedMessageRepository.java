package org.c2cgateway.app.trace;

import java.time.Instant;
import java.util.Optional;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.H2)
public interface TracedMessageRepository extends CrudRepository<TracedMessage, String> {

    void updateStatusAndUpdatedAt(@Id String messageId, String status, Instant updatedAt);

    void updateReceipt(@Id String messageId, String receipt);

    Optional<String> findStatusByMessageId(String messageId);
}
