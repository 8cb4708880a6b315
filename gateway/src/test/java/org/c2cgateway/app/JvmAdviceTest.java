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
        String advice = JvmAdvice.advice(17, Optional.of(true), Optional.of(true)).orElseThrow();
        assertTrue(advice.contains("-XX:-UseCodeCacheFlushing") && advice.contains("gateway/bin/c2c-gateway"), advice);
    }

    @Test
    void no_advice_when_flushing_is_off_unknown_or_the_sweeper_is_gone() {
        assertEquals(Optional.empty(), JvmAdvice.advice(17, Optional.of(false), Optional.of(true)));
        assertEquals(Optional.empty(), JvmAdvice.advice(17, Optional.empty(), Optional.of(true)));
        assertEquals(Optional.empty(), JvmAdvice.advice(21, Optional.of(true), Optional.of(true)));
    }

    @Test
    void another_collector_gets_the_advice_and_an_unknown_one_none() {
        String advice = JvmAdvice.advice(17, Optional.of(false), Optional.of(false)).orElseThrow();
        assertTrue(advice.contains("-XX:+UseParallelGC") && advice.contains("gateway/bin/c2c-gateway"), advice);
        assertEquals(Optional.empty(), JvmAdvice.advice(17, Optional.of(false), Optional.empty()));
        String both = JvmAdvice.advice(17, Optional.of(true), Optional.of(false)).orElseThrow();
        assertTrue(both.contains("-XX:-UseCodeCacheFlushing") && both.contains("-XX:+UseParallelGC"), both);
    }

    @Test
    void the_recommended_options_turn_flushing_off_and_choose_the_parallel_collector() throws Exception {
        Path options = Path.of(System.getProperty("user.dir")).resolve("jvm.options");
        assertTrue(Files.readAllLines(options).stream().map(String::trim).anyMatch("-XX:-UseCodeCacheFlushing"::equals),
                "gateway/jvm.options must keep the code cache sweeper from flushing the gateway's compiled code");
        assertTrue(Files.readAllLines(options).stream().map(String::trim).anyMatch("-XX:+UseParallelGC"::equals),
                "gateway/jvm.options must choose the parallel collector");
    }
}
