package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code run <config.yml> --set key=value ...}: the settings a started process gets on top of its file. */
class ApplicationArgumentsTest {

    @Test
    void each_set_pair_becomes_an_override_and_the_value_may_hold_an_equals_sign() {
        assertEquals(Map.of("c2c.as4.port", "4711", "c2c.partners.MK.endpoint", "https://localhost:1/as4?a=b"),
                Application.overrides(new String[] {"run", "gateway.yml", "--set", "c2c.as4.port=4711",
                    "--set", "c2c.partners.MK.endpoint=https://localhost:1/as4?a=b"}));
        assertEquals(Map.of(), Application.overrides(new String[] {"run", "gateway.yml"}));
    }

    @Test
    void anything_else_after_the_file_is_refused() {
        assertNull(Application.overrides(new String[] {"run", "gateway.yml", "c2c.as4.port=4711"}));
        assertNull(Application.overrides(new String[] {"run", "gateway.yml", "--set"}));
        assertNull(Application.overrides(new String[] {"run", "gateway.yml", "--set", "=4711"}));
        assertNull(Application.overrides(new String[] {"run", "gateway.yml", "--set", "no-value"}));
    }
}
