package org.c2cgateway.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A national customs system allowed on the national APIs (REST and SOAP), keyed by a name of its own
 * under {@code c2c.access.national-clients}. It proves who it is with a TLS client certificate (matched by
 * subject, or pinned exactly) or a bearer token, and it acts for one country: only the national system of
 * this gateway's own country is let in.
 *
 * @param name               the key: how logs name this client
 * @param country            the ISO 3166 code of the administration it belongs to
 * @param certificateSubject the subject its TLS client certificate must have (RFC 2253, compared as a
 *                           distinguished name), issued by a CA of the national API's trust store
 * @param certificate        a PEM file: the one TLS client certificate it must present (pinning)
 * @param tokenSha256        the SHA-256 (hex) of its bearer token; a secret, so a placeholder
 */
@EachProperty("c2c.access.national-clients")
public record NationalClientConfiguration(
        @Parameter String name,
        @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
        @Nullable String certificateSubject,
        @Nullable String certificate,
        @Nullable String tokenSha256) {
}
