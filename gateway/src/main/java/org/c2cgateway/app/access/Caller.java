package org.c2cgateway.app.access;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

/**
 * Who made a request, once its credentials are checked: a national system (role {@code national}, acting
 * for one country) or an operator (role {@code operator} or {@code admin}).
 *
 * @param name    the configured name, for logs
 * @param country the country a national system acts for; {@code null} for operators
 * @param role    the Micronaut Security role
 */
public record Caller(String name, @Nullable String country, String role) {

    public static final String NATIONAL = "national";
    /** The authentication attribute carrying a national system's country. */
    public static final String COUNTRY = "country";

    public boolean national() {
        return NATIONAL.equals(role);
    }

    public Authentication authentication() {
        return Authentication.build(name, List.of(role), country == null ? Map.of() : Map.of(COUNTRY, country));
    }
}
