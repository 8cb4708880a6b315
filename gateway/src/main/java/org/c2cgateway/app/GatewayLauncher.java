package org.c2cgateway.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.runtime.server.EmbeddedServer;

import org.c2cgateway.app.config.SecretsFile;

/**
 * Starts one gateway from its country's configuration file. Several can run in one JVM (the demo and
 * the end-to-end tests do), each with its own context, broker, trace store and HTTPS port. A gateway
 * that cannot start throws, and leaves the JVM (and any other gateway in it) running.
 */
public final class GatewayLauncher {

    /** Above the defaults in application.yml (a higher order wins); below explicit overrides. */
    private static final int CONFIG_FILE_ORDER = 50;
    /** Secrets are above the configuration file that refers to them, and below explicit overrides. */
    private static final int SECRETS_ORDER = 75;
    private static final int OVERRIDES_ORDER = 100;
    private static final int DERIVED_ORDER = 101;

    private GatewayLauncher() {
    }

    public static ApplicationContext start(Path configFile, Map<String, Object> overrides) {
        PropertySource file = PropertySource.of(configFile.toString(), read(configFile), CONFIG_FILE_ORDER);
        PropertySource explicit = PropertySource.of("overrides", overrides, OVERRIDES_ORDER);
        List<PropertySource> sources = new ArrayList<>(List.of(file, explicit,
                PropertySource.of("derived", derived(file, explicit), DERIVED_ORDER)));
        secretsFile(file, explicit).ifPresent(secrets -> sources.add(SecretsFile.load(secrets, SECRETS_ORDER)));
        ApplicationContext context = ApplicationContext.builder()
                .mainClass(Application.class)
                .banner(false)
                .deduceEnvironment(false)
                .propertySources(sources.toArray(PropertySource[]::new))
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

    /**
     * The secrets file, if one is named: by an override, by {@code C2C_SECRETS_FILE} in the environment, or by
     * the configuration file; resolved against {@code c2c.home}.
     */
    private static Optional<Path> secretsFile(PropertySource file, PropertySource explicit) {
        Object named = explicit.get(SecretsFile.SETTING);
        if (named == null) {
            named = System.getenv(SecretsFile.ENVIRONMENT);
        }
        if (named == null) {
            named = file.get(SecretsFile.SETTING);
        }
        if (named == null || named.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(String.valueOf(firstOf("c2c.home", ".", explicit, file))).resolve(named.toString()));
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
