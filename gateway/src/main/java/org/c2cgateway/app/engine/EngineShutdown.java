package org.c2cgateway.app.engine;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;

import org.apache.camel.CamelContext;

/**
 * Stops the routes before anything they use goes away: in-flight sends finish or roll back while the
 * broker and the trace store are still there, instead of failing against a broker already shut down.
 */
@Singleton
public class EngineShutdown implements ApplicationEventListener<ShutdownEvent> {

    private final CamelContext camel;

    public EngineShutdown(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        camel.stop();
    }
}
