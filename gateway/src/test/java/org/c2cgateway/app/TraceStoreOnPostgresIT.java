package org.c2cgateway.app;

import java.util.Map;

import org.c2cgateway.app.trace.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The trace store's contract on PostgreSQL, the production database, chosen by the datasource settings only. */
class TraceStoreOnPostgresIT extends TraceStoreContract {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @Override
    protected Map<String, Object> database() {
        return postgres.settings();
    }
}
