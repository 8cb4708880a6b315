package org.c2cgateway.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * Starts one gateway from its country's configuration file. Several can run in one JVM (the demo and
 * the end-to-end tests do), each with its own context, broker, trace store and HTTPS port. A gateway
 * that cannot start throws, and leaves the JVM (and any other gateway in it) running.
 */
public final class GatewayLauncher {

    /** Above the defaults in application.yml (a higher order wins); below explicit overrides. */
    private static final int CONFIG_FILE_ORDER = 50;
    private static final int OVERRIDES_ORDER = 100;

    private GatewayLauncher() {
    }

    public static ApplicationContext start(Path configFile, Map<String, Object> overrides) {
        ApplicationContext context = ApplicationContext.builder()
                .mainClass(Application.class)
                .banner(false)
                .deduceEnvironment(false)
                .propertySources(PropertySource.of(configFile.toString(), read(configFile), CONFIG_FILE_ORDER),
                        PropertySource.of("overrides", overrides, OVERRIDES_ORDER))
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private static Map<String, Object> read(Path configFile) {
        try (InputStream in = Files.newInputStream(configFile)) {
            return new YamlPropertySourceLoader().read(configFile.getFileName().toString(), in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the gateway configuration " + configFile + ": " + e.getMessage(), e);
        }
    }
}
