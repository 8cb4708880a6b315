package org.c2cgateway.app.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The REST API's OpenAPI description, generated at compile time from the controllers and served by
 * the gateway at {@code /swagger/c2c-gateway-0.1.yml}, so national-system developers see what the
 * running version accepts.
 */
@OpenAPIDefinition(info = @Info(
        title = "C2C Gateway",
        version = "0.1",
        description = "National-system and operator API of a customs-to-customs gateway: submit pre-arrival and exit "
                + "notifications, read and acknowledge received ones, trace any message. The national system of the "
                + "gateway's country authenticates with its TLS client certificate or a bearer token; operators "
                + "(role operator: reads; admin: also every write under /api/v1/admin) with HTTP Basic or a bearer token. "
                + "401 without accepted credentials, 403 for the wrong role or country.",
        license = @License(name = "Apache-2.0")),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A national system's or an operator's token (the gateway keeps its SHA-256)")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic", description = "Operators only")
public final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
