package org.c2cgateway.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

/**
 * Where a gateway's settings come from: its country's configuration file, its secrets file ({@link SecretsFile},
 * which the file's {@code ${c2c.secret.*}} placeholders refer to), overridden by explicit settings (the tests'
 * ports and directories), plus the settings derived from them. Read at start, and read again when the keys are
 * reloaded and by the {@code keys} command, so that they see the files exactly as a restart would.
 *
 * @param configFile the country's configuration file, e.g. {@code config/mk/gateway.yml}
 * @param overrides  settings above the file's
 */
public record ConfigurationSources(Path configFile, Map<String, Object> overrides) {

    /** Above the defaults in application.yml (a higher order wins); below explicit overrides. */
    private static final int CONFIG_FILE_ORDER = 50;
    /** Secrets are above the configuration file that refers to them, and below explicit overrides. */
    private static final int SECRETS_ORDER = 75;
    private static final int OVERRIDES_ORDER = 100;
    private static final int DERIVED_ORDER = 101;

    public ConfigurationSources {
        overrides = Map.copyOf(overrides);
    }

    /**
     * The property sources as they are now on disk.
     *
     * @throws IllegalArgumentException if the file cannot be read or parsed, or misses a required setting
     */
    public PropertySource[] read() {
        PropertySource file = PropertySource.of(configFile.toString(), readFile(), CONFIG_FILE_ORDER);
        PropertySource explicit = PropertySource.of("overrides", overrides, OVERRIDES_ORDER);
        List<PropertySource> sources = new ArrayList<>(List.of(file, explicit,
                PropertySource.of("derived", derived(file, explicit), DERIVED_ORDER)));
        secretsFile(file, explicit).ifPresent(secrets -> sources.add(SecretsFile.load(secrets, SECRETS_ORDER)));
        return sources.toArray(PropertySource[]::new);
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
        for (PropertySource source : List.of(sources)) {
            Object value = source.get(key);
            if (value != null) {
                return value;
            }
        }
        return fallback;
    }

    private Map<String, Object> readFile() {
        try (InputStream in = Files.newInputStream(configFile)) {
            return new YamlPropertySourceLoader().read(configFile.getFileName().toString(), in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the gateway configuration " + configFile + ": " + e.getMessage(), e);
        }
    }
}
