package org.c2cgateway.app.trace;

public interface AccessRefusalRepository extends RefusalRepository<TracedAccessRefusal> {

    @OnH2
    interface H2 extends AccessRefusalRepository {
    }

    @OnPostgres
    interface Postgres extends AccessRefusalRepository {
    }
}
