package org.c2cgateway.app.trace;

import java.time.Instant;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.CrudRepository;

/**
 * What the tables of refusals (refused inbound attempts, refused API calls) offer alike: the operator's
 * pages, newest first, and the retention job's delete. Each row type has a {@code refusedAt} and an id.
 */
public interface RefusalRepository<E> extends CrudRepository<E, Long> {

    Page<E> findAll(Pageable pageable);

    /** Newest first; the id breaks ties between refusals of the same instant. */
    default Page<E> newestFirst(int page, int size) {
        return findAll(Pageable.from(page, size, Sort.of(Sort.Order.desc("refusedAt"), Sort.Order.desc("id"))));
    }

    long deleteByRefusedAtBefore(Instant cutoff);
}
