package org.c2cgateway.app;

import java.util.Map;

/** The trace store's contract on the embedded H2 database, every gateway's default. */
class TraceStoreOnH2IT extends TraceStoreContract {

    @Override
    protected Map<String, Object> database() {
        return Map.of();
    }
}
