package org.c2cgateway.app.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/**
 * The REST API's OpenAPI description, generated at compile time from the controllers and served by
 * the gateway at {@code /swagger/c2c-gateway-0.1.yml}, so national-system developers see what the
 * running version accepts.
 */
@OpenAPIDefinition(info = @Info(
        title = "C2C Gateway",
        version = "0.1",
        description = "National-system and operator API of a customs-to-customs gateway: submit pre-arrival and exit "
                + "notifications, read and acknowledge received ones, trace any message.",
        license = @License(name = "Apache-2.0")))
public final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
