package org.c2cgateway.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * What the running JVM lacks of the options the gateway is meant to run with ({@code gateway/jvm.options}, which
 * {@code gateway/bin/c2c-gateway} passes): a gateway started with a bare {@code java -jar} works, but its operator
 * should learn from its log that it runs without them.
 */
final class JvmAdvice {

    /** The release that removed the code cache sweeper, and with it the option. */
    private static final int SWEEPER_REMOVED = 20;

    private JvmAdvice() {
    }

    static Optional<String> forThisJvm() {
        return advice(Runtime.version().feature(), booleanOption("UseCodeCacheFlushing"), booleanOption("UseParallelGC"));
    }

    static Optional<String> advice(int feature, Optional<Boolean> codeCacheFlushing, Optional<Boolean> parallelCollector) {
        List<String> advice = new ArrayList<>();
        if (feature < SWEEPER_REMOVED && codeCacheFlushing.orElse(false)) {
            advice.add("the JVM runs with UseCodeCacheFlushing on: under load its code cache sweeper keeps discarding "
                    + "the gateway's hot compiled code and the JIT compiles it again (-XX:-UseCodeCacheFlushing)");
        }
        if (!parallelCollector.orElse(true)) {
            advice.add("the JVM runs another garbage collector than the parallel one: with G1 the gateway used 11 % "
                    + "more CPU per message in the exchange harness (-XX:+UseParallelGC, unless another collector "
                    + "is chosen on purpose)");
        }
        if (advice.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", advice) + "; start the gateway with gateway/bin/c2c-gateway, or add "
                + "the options of gateway/jvm.options");
    }

    private static Optional<Boolean> booleanOption(String name) {
        try {
            return Optional.of(Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue()));
        } catch (RuntimeException notHotSpotOrNoSuchOption) {
            return Optional.empty();
        }
    }
}
