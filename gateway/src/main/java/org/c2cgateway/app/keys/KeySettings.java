package org.c2cgateway.app.keys;

import java.util.List;

import io.micronaut.context.BeanLocator;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.KeyStoreSlot;
import org.c2cgateway.app.config.PartnerConfiguration;

/**
 * The settings the {@link org.c2cgateway.keys.Credentials} are built from: own keys under
 * {@code c2c.message-keys} (every purpose and slot), partners under {@code c2c.partners}, paths resolved against
 * {@code c2c.home}.
 */
record KeySettings(GatewayConfiguration gateway, List<KeyStoreSlot> ownKeys, List<PartnerConfiguration> partners) {

    KeySettings {
        ownKeys = List.copyOf(ownKeys);
        partners = List.copyOf(partners);
    }

    /** The settings as bound (and validated) by a Micronaut context: the running one or a candidate's. */
    static KeySettings from(BeanLocator beans) {
        return new KeySettings(beans.getBean(GatewayConfiguration.class),
                List.copyOf(beans.getBeansOfType(KeyStoreSlot.class)),
                List.copyOf(beans.getBeansOfType(PartnerConfiguration.class)));
    }
}
