package org.c2cgateway.app;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.c2cgateway.app.trace.PostgresDatabase;

/** The operators' search on PostgreSQL, the production database: the same questions, the same answers. */
class MessageSearchOnPostgresIT extends MessageSearchIT {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @Override
    protected Map<String, Object> database() {
        return postgres.settings();
    }
}
