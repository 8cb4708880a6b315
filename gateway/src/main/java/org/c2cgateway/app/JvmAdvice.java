package org.c2cgateway.app;

import java.lang.management.ManagementFactory;
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
        return advice(Runtime.version().feature(), codeCacheFlushing());
    }

    static Optional<String> advice(int feature, Optional<Boolean> codeCacheFlushing) {
        if (feature >= SWEEPER_REMOVED || !codeCacheFlushing.orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("the JVM runs with UseCodeCacheFlushing on: under load its code cache sweeper keeps "
                + "discarding the gateway's hot compiled code and the JIT compiles it again; start the gateway with "
                + "gateway/bin/c2c-gateway, or add -XX:-UseCodeCacheFlushing (gateway/jvm.options)");
    }

    private static Optional<Boolean> codeCacheFlushing() {
        try {
            return Optional.of(Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseCodeCacheFlushing").getValue()));
        } catch (RuntimeException notHotSpotOrNoSuchOption) {
            return Optional.empty();
        }
    }
}
