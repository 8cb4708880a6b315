package org.c2cgateway.app;

import java.nio.file.Path;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import org.c2cgateway.app.config.ConfigurationSources;

/**
 * Starts one gateway from its country's configuration file. Several can run in one JVM (the demo and
 * the end-to-end tests do), each with its own context, broker, trace store and HTTPS port. A gateway
 * that cannot start throws, and leaves the JVM (and any other gateway in it) running.
 */
public final class GatewayLauncher {

    private GatewayLauncher() {
    }

    public static ApplicationContext start(Path configFile, Map<String, Object> overrides) {
        ConfigurationSources sources = new ConfigurationSources(configFile, overrides);
        ApplicationContext context = ApplicationContext.builder()
                .mainClass(Application.class)
                .banner(false)
                .deduceEnvironment(false)
                .propertySources(sources.read())
                .singletons(sources)
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }
}
