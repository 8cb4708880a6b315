package org.c2cgateway.app.trace;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.H2)
public interface PartnerStatusRepository extends CrudRepository<PartnerStatusRecord, Long> {

    boolean existsByMessageIdAndStatus(String messageId, String status);

    List<PartnerStatusRecord> findByMessageIdOrderByReceivedAt(String messageId);
}
