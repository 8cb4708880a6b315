package org.c2cgateway.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.value.PropertyResolver;
import jakarta.validation.constraints.NotBlank;

/**
 * The agreements with the partners (README, "Rule sets"): where their files are, how often they are looked at
 * for changes, and the key behind the pseudonyms the agreements ask for.
 *
 * @param directory    the agreement files ({@code *.yml}, one per agreement version) and the AEO lists they name;
 *                     default {@code config/<country>/agreements}, relative to {@code c2c.home}
 * @param pollInterval how often the directory is checked for changed files; 0 turns the polling off (then only
 *                     {@code POST /api/v1/admin/rules/reload} or a restart puts changes in force); default 5s
 * @param pseudonymKey a secret, base64 of at least 32 random bytes: the HMAC key of pseudonymised elements. Changing
 *                     it changes every pseudonym, so partners can no longer link movements across the change
 */
@ConfigurationProperties("c2c.rules")
public record RulesConfiguration(
        @Nullable String directory,
        @Nullable Duration pollInterval,
        @NotBlank String pseudonymKey) {

    static final String PSEUDONYM_KEY = "c2c.rules.pseudonym-key";
    private static final int MIN_KEY_BYTES = 32;
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    /** The directory of agreement files, resolved like every configured path. */
    public Path directory(GatewayConfiguration gateway) {
        return directory(gateway, directory);
    }

    /**
     * The directory for a configured value ({@code null} when not set): for a reader that does not bind the whole
     * record, such as {@code rules lint}, which runs without the secrets.
     */
    public static Path directory(GatewayConfiguration gateway, @Nullable String configured) {
        return gateway.resolve(configured == null || configured.isBlank()
                ? "config/" + gateway.country().toLowerCase(Locale.ROOT) + "/agreements" : configured);
    }

    /** @throws ConfigurationException naming a poll interval that is set but is no duration */
    public RulesConfiguration checked(PropertyResolver settings) {
        SettingsCheck.requireBound(settings, "c2c.rules.poll-interval", pollInterval, "a duration such as 5s or 1m, "
                + "or 0 for no polling");
        return this;
    }

    public Duration effectivePollInterval() {
        return pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    }

    /** Whether the directory is polled at all. */
    public boolean polls() {
        return !effectivePollInterval().isZero() && !effectivePollInterval().isNegative();
    }

    /** @throws ConfigurationException naming the key when it is not base64 or too short (never showing it) */
    public byte[] pseudonymKeyBytes() {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(pseudonymKey.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(PSEUDONYM_KEY + ": is not base64"); // the detail would quote the key
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new ConfigurationException(PSEUDONYM_KEY + ": is " + key.length + " bytes, at least " + MIN_KEY_BYTES
                    + " are needed (e.g. head -c 32 /dev/urandom | base64)");
        }
        return key;
    }
}
