package org.c2cgateway.delivery;

import java.util.Map;

/** Every partner's retry policy, by country: one place for the broker's backoff and the routes' time-to-live. */
public record RetryPolicies(Map<String, RetryPolicy> byPartner) {

    public RetryPolicies {
        byPartner = Map.copyOf(byPartner);
    }

    public RetryPolicy forPartner(String country) {
        RetryPolicy policy = byPartner.get(country);
        if (policy == null) {
            throw new IllegalArgumentException("no retry policy for partner " + country + ", which is not configured");
        }
        return policy;
    }
}
