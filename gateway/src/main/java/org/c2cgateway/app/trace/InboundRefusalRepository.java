package org.c2cgateway.app.trace;

public interface InboundRefusalRepository extends RefusalRepository<InboundRefusal> {

    @OnH2
    interface H2 extends InboundRefusalRepository {
    }

    @OnPostgres
    interface Postgres extends InboundRefusalRepository {
    }
}
