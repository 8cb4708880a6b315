package org.c2cgateway.app.keys;

import java.time.Instant;
import java.util.List;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.KeyStoreSlot;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.keys.CredentialsInForce;

/** The credentials the gateway starts with; {@link KeyReload} replaces them while it runs. */
@Factory
public class KeysFactory {

    @Singleton
    CredentialsInForce credentialsInForce(GatewayConfiguration gateway, List<KeyStoreSlot> ownKeys,
                                          List<PartnerConfiguration> partners) {
        return new CredentialsInForce(CredentialsLoader.load(new KeySettings(gateway, ownKeys, partners),
                Instant.now()));
    }
}
