package org.c2cgateway.app.keys;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import org.c2cgateway.keys.KeyConfigurationException;

/** A reload refused: 422 with the setting at fault and why; the keys in force are unchanged. */
@Singleton
@Produces
@Requires(classes = {KeyConfigurationException.class, ExceptionHandler.class})
public class KeyConfigurationHandler
        implements ExceptionHandler<KeyConfigurationException, HttpResponse<KeyConfigurationHandler.Refused>> {

    /** @param error the whole message, e.g. "c2c.message-keys.encryption.next: cannot open PKCS#12 file ..." */
    @Serdeable
    public record Refused(String setting, String error) {
    }

    @Override
    public HttpResponse<Refused> handle(HttpRequest request, KeyConfigurationException e) {
        return HttpResponse.unprocessableEntity().body(new Refused(e.setting(), e.getMessage()));
    }
}
