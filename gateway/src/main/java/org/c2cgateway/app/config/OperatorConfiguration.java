package org.c2cgateway.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;

/**
 * A person or tool on the operator API, keyed by its user name under {@code c2c.access.operators}. It
 * logs in with HTTP Basic (checked against a salted PBKDF2 hash) or a bearer token (checked against its
 * SHA-256); both are secrets, so the configuration names them by placeholder.
 *
 * @param name         the key: the user name
 * @param role         {@code operator} reads traces and dead letters; {@code admin} may also replay, change
 *                     partner state and reload configuration
 * @param passwordHash {@code pbkdf2-sha256$…} from {@code java -jar c2c-gateway.jar hash-password}
 * @param tokenSha256  the SHA-256 (hex) of a bearer token, from {@code java -jar c2c-gateway.jar new-token}
 */
@EachProperty("c2c.access.operators")
public record OperatorConfiguration(
        @Parameter String name,
        @NotNull Role role,
        @Nullable String passwordHash,
        @Nullable String tokenSha256) {

    /** The operator roles; their names are the Micronaut Security roles of the intercept-url-map. */
    public enum Role {
        OPERATOR, ADMIN;

        public String roleName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
