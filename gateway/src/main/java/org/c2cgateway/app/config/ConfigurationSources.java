package org.c2cgateway.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

/**
 * Where a gateway's settings come from: its country's configuration file, overridden by explicit settings (the
 * tests' ports and directories), plus the settings derived from both. Read at start, and read again when the
 * keys are reloaded, so that a reload sees the file exactly as a restart would.
 *
 * @param configFile the country's configuration file, e.g. {@code config/mk/gateway.yml}
 * @param overrides  settings above the file's
 */
public record ConfigurationSources(Path configFile, Map<String, Object> overrides) {

    /** Above the defaults in application.yml (a higher order wins); below explicit overrides. */
    private static final int CONFIG_FILE_ORDER = 50;
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
        return new PropertySource[] {file, explicit,
            PropertySource.of("derived", derived(file, explicit), DERIVED_ORDER)};
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
