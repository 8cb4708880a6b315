package org.c2cgateway.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.c2cgateway.delivery.RetryPolicy;
import org.junit.jupiter.api.Test;

/** Wrong delivery settings stop the gateway with the full key and the rule it breaks. */
class DeliverySettingsTest {

    private final DeliveryRetryConfiguration defaults = new DeliveryRetryConfiguration(Duration.ofSeconds(1), 2.0,
            Duration.ofMinutes(5), Duration.ofHours(24), 0.1, 0);

    @Test
    void a_partner_inherits_each_retry_setting_it_does_not_set() {
        RetryPolicy mk = defaults.policyFor(partner(new PartnerConfiguration.Retry(null, null, null,
                Duration.ofHours(2), null, null)));
        assertEquals(new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), Duration.ofHours(2), 0.1, 0), mk);
    }

    @Test
    void a_wrong_partner_retry_setting_names_the_partner_and_the_key() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.policyFor(
                partner(new PartnerConfiguration.Retry(null, null, Duration.ofMillis(10), null, null, null))));
        assertEquals("c2c.partners.MK.retry.max-delay must not be shorter than initial-delay PT1S, got PT0.01S",
                e.getMessage());
    }

    @Test
    void push_mode_needs_an_https_webhook() {
        NationalDeliveryConfiguration.Push push = new NationalDeliveryConfiguration.Push(URI.create("http://national.test/hook"),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5),
                Duration.ofHours(168), 0.1, 0);
        NationalDeliveryConfiguration national = new NationalDeliveryConfiguration(NationalDeliveryConfiguration.Mode.PUSH,
                push, new NationalDeliveryConfiguration.Queue("national.delivery"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, national::pushUrl);
        assertEquals("c2c.national-delivery.push.url must be an https URL when mode is PUSH, got http://national.test/hook",
                e.getMessage());
    }

    private static PartnerConfiguration partner(PartnerConfiguration.Retry retry) {
        return new PartnerConfiguration("mk", null, URI.create("https://mk.test/as4"), List.of("mk.crt"), null, null,
                retry);
    }
}
