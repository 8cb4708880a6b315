package org.c2cgateway.app.trace;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.H2)
public interface OutboundSubmissionRepository extends CrudRepository<OutboundSubmission, String> {
}
