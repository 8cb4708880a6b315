package org.c2cgateway.app.config;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;

/**
 * Micronaut binds a value it cannot convert as if it were not set; so that a typo such as {@code FAIL_CLOSE} or
 * {@code 5x} is not silently taken for the default, a record's optional settings are compared with the raw ones.
 */
final class SettingsCheck {

    private SettingsCheck() {
    }

    /** @throws ConfigurationException naming the key, the value and what is expected, when it is set but not bound */
    static void requireBound(PropertyResolver settings, String key, Object bound, String expected) {
        if (bound == null && settings.containsProperty(key)) {
            throw new ConfigurationException(key + ": '" + settings.getProperty(key, String.class).orElse("")
                    + "' is not valid, expected " + expected);
        }
    }
}
