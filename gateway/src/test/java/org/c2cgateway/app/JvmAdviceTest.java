package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JvmAdviceTest {

    @Test
    void a_jdk_17_with_the_sweeper_flushing_gets_the_advice_and_the_way_out() {
        String advice = JvmAdvice.advice(17, Optional.of(true)).orElseThrow();
        assertTrue(advice.contains("-XX:-UseCodeCacheFlushing") && advice.contains("gateway/bin/c2c-gateway"), advice);
    }

    @Test
    void no_advice_when_flushing_is_off_unknown_or_the_sweeper_is_gone() {
        assertEquals(Optional.empty(), JvmAdvice.advice(17, Optional.of(false)));
        assertEquals(Optional.empty(), JvmAdvice.advice(17, Optional.empty()));
        assertEquals(Optional.empty(), JvmAdvice.advice(21, Optional.of(true)));
    }

    @Test
    void the_recommended_options_turn_flushing_off() throws Exception {
        Path options = Path.of(System.getProperty("user.dir")).resolve("jvm.options");
        assertTrue(Files.readAllLines(options).stream().map(String::trim).anyMatch("-XX:-UseCodeCacheFlushing"::equals),
                "gateway/jvm.options must keep the code cache sweeper from flushing the gateway's compiled code");
    }
}
