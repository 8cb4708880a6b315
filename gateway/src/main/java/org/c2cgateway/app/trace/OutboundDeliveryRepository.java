package org.c2cgateway.app.trace;

import java.util.List;

import io.micronaut.data.repository.CrudRepository;

public interface OutboundDeliveryRepository extends CrudRepository<OutboundDelivery, String> {

    boolean existsByNationalMessageIdAndPartner(String nationalMessageId, String partner);

    List<OutboundDelivery> findByNationalMessageId(String nationalMessageId);

    @OnH2
    interface H2 extends OutboundDeliveryRepository {
    }

    @OnPostgres
    interface Postgres extends OutboundDeliveryRepository {
    }
}
