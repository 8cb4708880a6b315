package org.c2cgateway.app.trace;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.H2)
public interface OutboundDeliveryRepository extends CrudRepository<OutboundDelivery, String> {

    boolean existsByNationalMessageIdAndPartner(String nationalMessageId, String partner);

    List<OutboundDelivery> findByNationalMessageId(String nationalMessageId);
}
