package org.c2cgateway.app.config;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import org.c2cgateway.trust.RevocationPolicy;

/**
 * Where the partners' CAs publish their CRLs and what to do when one cannot be had.
 *
 * @param crls            CRL locations: file paths (relative to {@code c2c.home}) or http(s) URLs; each is
 *                        matched to the partner CA whose key signed it. Empty: revocation is not checked
 * @param refreshInterval how often each CRL is fetched again (sooner, every minute, while one is
 *                        missing or past its nextUpdate)
 * @param onUnavailable   FAIL_CLOSED refuses certificates whose CA's CRL is missing or stale; FAIL_OPEN
 *                        accepts them with a warning
 */
@ConfigurationProperties("c2c.revocation")
public record RevocationConfiguration(
        @Nullable List<String> crls,
        @Bindable(defaultValue = "1h") @NotNull Duration refreshInterval,
        @Bindable(defaultValue = "FAIL_CLOSED") @NotNull RevocationPolicy onUnavailable) {

    public List<String> crlLocations() {
        return crls == null ? List.of() : crls;
    }
}
