package org.c2cgateway.app.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.IpPatternsRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import org.c2cgateway.app.config.GatewayConfiguration;

/**
 * A national system acts only for its own country: on this gateway, only the national system of the
 * gateway's country is let in, whatever the path. Runs before the intercept-url-map, which then decides
 * by role as for everyone else.
 */
@Singleton
public class OwnCountryRule implements SecurityRule<HttpRequest<?>> {

    static final int ORDER = IpPatternsRule.ORDER - 100;

    private final String country;

    public OwnCountryRule(GatewayConfiguration gateway) {
        this.country = gateway.country();
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        return Publishers.just(isOtherCountry(authentication) ? SecurityRuleResult.REJECTED : SecurityRuleResult.UNKNOWN);
    }

    /** Whether this is a national system acting for another country than this gateway's. */
    boolean isOtherCountry(@Nullable Authentication authentication) {
        Object acting = authentication == null ? null : authentication.getAttributes().get(Caller.COUNTRY);
        return acting != null && !country.equals(acting);
    }

    String country() {
        return country;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
