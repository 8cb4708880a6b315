package org.c2cgateway.app.trace;

import java.util.List;

import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.CrudRepository;

public interface TracedEventRepository extends CrudRepository<TracedEvent, Long> {

    /** The timeline in the order things happened; the id breaks ties between events of the same instant. */
    List<TracedEvent> findByMessageId(String messageId, Sort sort);

    default List<TracedEvent> timeline(String messageId) {
        return findByMessageId(messageId, Sort.of(Sort.Order.asc("occurredAt"), Sort.Order.asc("id")));
    }

    @OnH2
    interface H2 extends TracedEventRepository {
    }

    @OnPostgres
    interface Postgres extends TracedEventRepository {
    }
}
