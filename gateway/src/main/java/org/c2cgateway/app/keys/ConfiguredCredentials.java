package org.c2cgateway.app.keys;

import java.time.Instant;

import io.micronaut.context.BeanLocator;

import org.c2cgateway.keys.Credentials;

/** The credentials a configuration puts in force, for a command that reads the file without starting a gateway. */
public final class ConfiguredCredentials {

    private ConfiguredCredentials() {
    }

    /** @param configuration a context bound to the file, such as {@link ConfigurationOnlyContext} gives */
    public static Credentials read(BeanLocator configuration, Instant now) {
        return CredentialsLoader.load(KeySettings.from(configuration), now);
    }
}
