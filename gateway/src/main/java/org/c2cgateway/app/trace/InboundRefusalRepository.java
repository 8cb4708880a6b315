package org.c2cgateway.app.trace;

import java.time.Instant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.H2)
public interface InboundRefusalRepository extends CrudRepository<InboundRefusal, Long> {

    Page<InboundRefusal> findAll(Pageable pageable);

    /** Newest first; the id breaks ties between refusals of the same instant. */
    default Page<InboundRefusal> newestFirst(int page, int size) {
        return findAll(Pageable.from(page, size, Sort.of(Sort.Order.desc("refusedAt"), Sort.Order.desc("id"))));
    }

    long deleteByRefusedAtBefore(Instant cutoff);
}
