package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The signed delivery statuses this gateway sends back to a partner once its national system took the
 * partner's notification. Receiving them is always on: a partner that sends none costs nothing.
 *
 * @param enabled whether this gateway sends them; off for a partner community that wants none
 */
@ConfigurationProperties("c2c.delivery-status")
public record DeliveryStatusConfiguration(@Bindable(defaultValue = "true") boolean enabled) {
}
