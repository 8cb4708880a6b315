package org.c2cgateway.app.trace;

import java.util.List;

import io.micronaut.data.repository.CrudRepository;

public interface PartnerStatusRepository extends CrudRepository<PartnerStatusRecord, Long> {

    boolean existsByMessageIdAndStatus(String messageId, String status);

    List<PartnerStatusRecord> findByMessageIdOrderByReceivedAt(String messageId);

    @OnH2
    interface H2 extends PartnerStatusRepository {
    }

    @OnPostgres
    interface Postgres extends PartnerStatusRepository {
    }
}
