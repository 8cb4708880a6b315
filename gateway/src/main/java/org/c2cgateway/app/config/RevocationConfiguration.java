package org.c2cgateway.app.config;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.value.PropertyResolver;

import org.c2cgateway.trust.RevocationPolicy;

/**
 * Where the partners' CAs publish their CRLs and what to do when one cannot be had.
 *
 * @param crls            CRL locations: file paths (relative to {@code c2c.home}) or http(s) URLs; each is
 *                        matched to the partner CA whose key signed it. Empty: revocation is not checked
 * @param refreshInterval how often each CRL is fetched again (sooner, every minute, while one is
 *                        missing or past its nextUpdate); default 1h
 * @param onUnavailable   FAIL_CLOSED (the default) refuses certificates whose CA's CRL is missing or stale;
 *                        FAIL_OPEN accepts them with a warning
 */
@ConfigurationProperties("c2c.revocation")
public record RevocationConfiguration(
        @Nullable List<String> crls,
        @Nullable Duration refreshInterval,
        @Nullable RevocationPolicy onUnavailable) {

    /**
     * Micronaut binds a value it cannot convert as if it were not set; so that a typo such as
     * {@code FAIL_CLOSE} is not silently taken for the default, the raw settings are compared.
     *
     * @throws ConfigurationException naming the key, the value and what is expected
     */
    public RevocationConfiguration checked(PropertyResolver settings) {
        SettingsCheck.requireBound(settings, "c2c.revocation.refresh-interval", refreshInterval, "a duration such as 1h, 30m or PT1H");
        SettingsCheck.requireBound(settings, "c2c.revocation.on-unavailable", onUnavailable, "FAIL_CLOSED or FAIL_OPEN");
        return this;
    }

    public Duration effectiveRefreshInterval() {
        return refreshInterval == null ? Duration.ofHours(1) : refreshInterval;
    }

    public RevocationPolicy effectiveOnUnavailable() {
        return onUnavailable == null ? RevocationPolicy.FAIL_CLOSED : onUnavailable;
    }

    public List<String> crlLocations() {
        return crls == null ? List.of() : crls;
    }
}
