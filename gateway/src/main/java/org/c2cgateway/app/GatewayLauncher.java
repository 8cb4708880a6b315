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
    private static final int DERIVED_ORDER = 101;

    private GatewayLauncher() {
    }

    public static ApplicationContext start(Path configFile, Map<String, Object> overrides) {
        PropertySource file = PropertySource.of(configFile.toString(), read(configFile), CONFIG_FILE_ORDER);
        PropertySource explicit = PropertySource.of("overrides", overrides, OVERRIDES_ORDER);
        ApplicationContext context = ApplicationContext.builder()
                .mainClass(Application.class)
                .banner(false)
                .deduceEnvironment(false)
                .propertySources(file, explicit, PropertySource.of("derived", derived(file, explicit), DERIVED_ORDER))
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * Settings computed from others: {@code c2c.data-path}, the data directory resolved against
     * {@code c2c.home}, which the embedded trace store's URL is built from.
     */
    private static Map<String, Object> derived(PropertySource file, PropertySource explicit) {
        String home = String.valueOf(firstOf("c2c.home", ".", explicit, file));
        Object dataDir = firstOf("c2c.data-dir", null, explicit, file);
        if (dataDir == null) {
            throw new IllegalArgumentException("c2c.data-dir is not set in " + file.getName());
        }
        return Map.of("c2c.data-path", Path.of(home).resolve(dataDir.toString()).toAbsolutePath().normalize().toString());
    }

    private static Object firstOf(String key, Object fallback, PropertySource... sources) {
        for (PropertySource source : sources) {
            Object value = source.get(key);
            if (value != null) {
                return value;
            }
        }
        return fallback;
    }

    private static Map<String, Object> read(Path configFile) {
        try (InputStream in = Files.newInputStream(configFile)) {
            return new YamlPropertySourceLoader().read(configFile.getFileName().toString(), in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the gateway configuration " + configFile + ": " + e.getMessage(), e);
        }
    }
}
